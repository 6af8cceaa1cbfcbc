// Who the minutes editor offers as the chair who signs. The chair led the meeting, so once a
// register exists only those present are offered, guests left out. The secretariat stays: in a
// fagteam the secretariat's own coordinator often leads. A chair saved earlier who is no longer
// present stays selectable, marked, so that saving the header again never silently drops what was
// saved; the legal check warns of it.

type Attendee = { status: "PRESENT" | "REMOTE" | "ABSENT" | "SUBSTITUTE"; isGuest: boolean; person: { id: string; name: string } };
type Option = { value: string; label: string };

export function chairOptions(attendances: Attendee[], people: { id: string; name: string }[], selectedId: string | null): Option[] {
  if (attendances.length === 0) return people.map((p) => ({ value: p.id, label: p.name }));
  const present = attendances.filter((a) => a.status !== "ABSENT" && !a.isGuest);
  const options = present.map((a) => ({ value: a.person.id, label: a.person.name }));
  if (selectedId && !options.some((o) => o.value === selectedId)) {
    const name = attendances.find((a) => a.person.id === selectedId)?.person.name ?? people.find((p) => p.id === selectedId)?.name;
    if (name) options.push({ value: selectedId, label: `${name} (ikke til stede)` });
  }
  return options;
}
