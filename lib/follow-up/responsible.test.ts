import { describe, expect, it } from "vitest";
import { responsibleLabel } from "./responsible";

const person = (name: string) => ({ person: { name }, organization: null });
const org = (name: string) => ({ person: null, organization: { name } });

describe("responsibleLabel", () => {
  it("lists people, organisations, the body and the free text", () => {
    expect(responsibleLabel({ assignees: [person("Inger Kammerud"), org("Hole kommune")], responsibleBody: { name: "AU" }, responsibleText: "sekretariatet" })).toBe(
      "Inger Kammerud, Hole kommune, AU, sekretariatet",
    );
  });

  it("lets free text that starts with a name stand in that name's place, not beside it", () => {
    expect(responsibleLabel({ assignees: [], responsibleBody: { name: "Representantskapet" }, responsibleText: "Representantskapet v/ leder" })).toBe("Representantskapet v/ leder");
    expect(responsibleLabel({ assignees: [person("Kjell B. Hansen")], responsibleBody: { name: "AU" }, responsibleText: "au, med sekretariatet" })).toBe("Kjell B. Hansen, au, med sekretariatet");
  });

  it("does not repeat free text equal to a name", () => {
    expect(responsibleLabel({ assignees: [person("Åse")], responsibleText: "Åse" })).toBe("Åse");
  });

  it("keeps a name that only begins the same letters as the free text", () => {
    expect(responsibleLabel({ assignees: [], responsibleBody: { name: "AU" }, responsibleText: "AUD-gruppen" })).toBe("AU, AUD-gruppen");
  });

  it("is empty when no one is named", () => {
    expect(responsibleLabel({ assignees: [], responsibleBody: null, responsibleText: "  " })).toBe("");
  });
});
