#!/bin/bash
# The deb's post-install script (electron-builder template: ${executable}, ${sanitizedProductName}).
# electron-builder's own steps first (the command link, the Chromium sandbox helper, the AppArmor
# profile Ubuntu 24+ needs for Electron's sandbox), then Vitrine's: a system user for the kiosk,
# its config and data folders, the udev rule for scanners and card readers, and the systemd unit.

if type update-alternatives >/dev/null 2>&1; then
  update-alternatives --install '/usr/bin/${executable}' '${executable}' '/opt/${sanitizedProductName}/${executable}' 100 \
    || ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
else
  ln -sf '/opt/${sanitizedProductName}/${executable}' '/usr/bin/${executable}'
fi

# Electron's sandbox: user namespaces where the kernel allows them, else the SUID helper.
if [[ -L /proc/self/ns/user ]] && unshare --user true 2>/dev/null; then
  chmod 0755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
else
  chmod 4755 '/opt/${sanitizedProductName}/chrome-sandbox' || true
fi

if apparmor_status --enabled >/dev/null 2>&1; then
  profile='/opt/${sanitizedProductName}/resources/apparmor-profile'
  if apparmor_parser --skip-kernel-load --debug "$profile" >/dev/null 2>&1; then
    cp -f "$profile" '/etc/apparmor.d/${executable}'
    if ! { [ -x /usr/bin/ischroot ] && /usr/bin/ischroot; }; then
      apparmor_parser --replace --write-cache --skip-read-cache '/etc/apparmor.d/${executable}' || true
    fi
  fi
fi

# The kiosk runs as "vitrine", never as root (Chromium's sandbox stays on), and reads scanners
# through hidraw as a member of the group the udev rule gives them to.
if ! getent group vitrine >/dev/null; then
  groupadd --system vitrine
fi
if ! getent passwd vitrine >/dev/null; then
  useradd --system --gid vitrine --home-dir /var/lib/vitrine --shell /usr/sbin/nologin \
    --comment 'Vitrine kiosk' vitrine
fi
# The GPU and input devices, for the groups this system has (logind's seat access covers the rest).
for group in video render input; do
  if getent group "$group" >/dev/null; then usermod -aG "$group" vitrine; fi
done
# The hub's config pushes are written over /etc/vitrine/kiosk.json (tmp file + rename): the
# service user owns the folder.
install -d -m 0750 -o vitrine -g vitrine /etc/vitrine
install -d -m 0750 -o vitrine -g vitrine /var/lib/vitrine

if type udevadm >/dev/null 2>&1; then
  udevadm control --reload-rules || true
  udevadm trigger --subsystem-match=hidraw || true
fi

if [ -d /run/systemd/system ]; then
  systemctl daemon-reload || true
  # Enabled now; it starts at the next boot once /etc/vitrine/kiosk.json exists
  # (`vitrine provision` writes one), or at once with `systemctl start vitrine-kiosk`.
  systemctl enable vitrine-kiosk.service || true
fi
