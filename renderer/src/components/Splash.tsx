/** Full-screen calm messages shown before the kiosk can run: connecting, or opened the wrong way. */
export function Splash({ title, text, busy = false }: { title: string; text?: string; busy?: boolean }) {
  return (
    <main className="splash" data-screen="splash" aria-busy={busy}>
      {busy ? (
        <span className="splash-spinner" aria-hidden="true" />
      ) : (
        <span className="splash-mark" aria-hidden="true" />
      )}
      <h1 className="splash-title">{title}</h1>
      {text !== undefined ? <p className="splash-text">{text}</p> : null}
    </main>
  );
}
