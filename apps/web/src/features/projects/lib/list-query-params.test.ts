import { describe, expect, it } from "vitest";
import { DEFAULT_LIST_QUERY, readListQuery, writeListQuery } from "./list-query-params";

const districtId = "3f1c2b8e-6d4a-4c1e-9b7a-2e5d8f0a1b2c";

describe("list query in the address", () => {
  it("defaults to the first page sorted by code", () => {
    expect(readListQuery(new URLSearchParams())).toEqual(DEFAULT_LIST_QUERY);
    expect(DEFAULT_LIST_QUERY).toMatchObject({ sort: "sequence", order: "asc", page: 1, pageSize: 20 });
  });

  it("round-trips filters, sort and page", () => {
    const query = {
      ...DEFAULT_LIST_QUERY,
      districtId,
      status: "stalled" as const,
      sort: "movedBack" as const,
      order: "desc" as const,
      page: 2,
    };
    const params = writeListQuery(query);
    expect(params.toString()).toBe(`districtId=${districtId}&status=stalled&sort=movedBack&order=desc&page=2`);
    expect(readListQuery(params)).toEqual(query);
  });

  it("drops invalid values but keeps valid ones", () => {
    const query = readListQuery(new URLSearchParams("status=lost&districtId=nope&page=3&sort=name"));
    expect(query).toEqual({ ...DEFAULT_LIST_QUERY, page: 3, sort: "name" });
  });
});

describe("search and health in the address", () => {
  it("round-trips the search term (with % and _) and the health colour", () => {
    const query = { ...DEFAULT_LIST_QUERY, q: "100%_完成", health: "red" as const };
    const params = writeListQuery(query);
    expect(params.get("q")).toBe("100%_完成");
    expect(params.get("health")).toBe("red");
    expect(readListQuery(params)).toEqual(query);
  });

  it("opens the ledger filtered by health from a dashboard link", () => {
    expect(readListQuery(new URLSearchParams("health=amber")).health).toBe("amber");
    expect(readListQuery(new URLSearchParams("health=purple")).health).toBeUndefined();
  });
});
