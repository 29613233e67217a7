import { afterEach, expect, it } from "vitest";
import { createTestApp } from "../../test/test-app.js";
import { reserveAttempt, throttleKeys } from "./login-throttle.js";

const cleanups: (() => Promise<unknown>)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

const rules = { pair: { free: 3, capSeconds: 300 }, address: { free: 20, capSeconds: 300 } };
const at = (ms: number) => new Date(Date.parse("2026-11-25T02:00:00Z") + ms);

it("free attempts whose clocks were read in one order and reach the row in the other are all judged", async () => {
  // Under load (or across two processes) an attempt can read its clock before another and still
  // reach the key's row after it. Neither is past the free ones: neither may be refused.
  const t = await createTestApp();
  cleanups.push(t.close);
  const keys = throttleKeys("leader", "10.0.0.9");
  await expect(reserveAttempt(t.db.prisma, keys, at(500), rules)).resolves.toMatchObject({ pair: { failures: 1 } });
  await expect(reserveAttempt(t.db.prisma, keys, at(100), rules)).resolves.toMatchObject({ pair: { failures: 2 } });
  await expect(reserveAttempt(t.db.prisma, keys, at(300), rules)).resolves.toMatchObject({ pair: { failures: 3 } });
  // The fourth failure starts the wait (1 s from its own clock); the next, 400 ms later, is refused.
  await expect(reserveAttempt(t.db.prisma, keys, at(600), rules)).resolves.toMatchObject({
    pair: { failures: 4, waitSeconds: 1 },
  });
  await expect(reserveAttempt(t.db.prisma, keys, at(1_000), rules)).rejects.toMatchObject({ scope: "pair" });
  await expect(reserveAttempt(t.db.prisma, keys, at(1_600), rules)).resolves.toMatchObject({ pair: { failures: 5 } });
});
