import { describe, expect, it } from "vitest";
import { queryParam } from "@/lib/query-param";

describe("queryParam", () => {
  it("takes the first of a repeated key, and nothing of an empty one or one with a NUL", () => {
    expect(queryParam("AU")).toBe("AU");
    expect(queryParam(["AU", "RS"])).toBe("AU");
    expect(queryParam([])).toBeUndefined();
    expect(queryParam("")).toBeUndefined();
    expect(queryParam("A\0U")).toBeUndefined();
    expect(queryParam(undefined)).toBeUndefined();
  });
});
