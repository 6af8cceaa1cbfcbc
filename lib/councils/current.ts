// Remembers which council a user in several councils last chose, for pages without one in the URL.
export const CURRENT_COUNCIL_COOKIE = "ipr-rad";
