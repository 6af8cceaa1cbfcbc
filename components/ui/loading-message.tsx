// Shown while a list streams in. Only list pages have it: a loading boundary above a page that may
// answer 404 would make that answer a 200 (the status is sent before the page decides).
export function LoadingMessage() {
  return (
    <p role="status" className="text-slate-700">
      Laster …
    </p>
  );
}
