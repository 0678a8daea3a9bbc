#!/bin/bash
# The deb's post-remove script: the service, the command link and the AppArmor profile go; the
# config (/etc/vitrine), the data (/var/lib/vitrine) and the "vitrine" user stay, as Debian
# packages leave configuration and data behind unless purged.

if [ -d /run/systemd/system ]; then
  systemctl disable vitrine-kiosk.service >/dev/null 2>&1 || true
  systemctl daemon-reload || true
fi

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --remove '${executable}' '/opt/${sanitizedProductName}/${executable}' || true
else
  rm -f '/usr/bin/${executable}'
fi

rm -f '/etc/apparmor.d/${executable}'

if type udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
fi

if [ "$1" = purge ]; then
  rm -rf /etc/vitrine /var/lib/vitrine
  userdel vitrine >/dev/null 2>&1 || true
  groupdel vitrine >/dev/null 2>&1 || true
fi
