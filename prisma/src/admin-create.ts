import { createInterface } from "node:readline";
import { NewPasswordSchema, UsernameSchema } from "@resettle/domain";
import type { PrismaClient } from "./client.js";
import { hashPassword } from "./passwords.js";

/** `pnpm admin:create`: the way the first administrator of a production instance comes to be. */
export async function createAdministrator(
  prisma: PrismaClient,
  input: { username: string; displayName: string; password: string },
) {
  const username = UsernameSchema.safeParse(input.username);
  if (!username.success) throw new Error(`username: ${username.error.issues[0]?.message}`);
  const password = NewPasswordSchema.safeParse(input.password);
  if (!password.success) throw new Error(`password: ${password.error.issues.map((i) => i.message).join("; ")}`);
  if (await prisma.user.findUnique({ where: { username: username.data } }))
    throw new Error(`an account '${username.data}' already exists`);
  const office = await prisma.department.findFirst({ where: { kind: "leading_group_office" }, select: { id: true } });
  return prisma.$transaction(async (tx) => {
    const user = await tx.user.create({
      data: {
        username: username.data,
        displayName: input.displayName.trim() || username.data,
        passwordHash: await hashPassword(password.data),
        role: "admin",
        departmentId: office?.id ?? null,
      },
    });
    await tx.auditEvent.create({
      data: {
        actorName: "admin:create (command line)",
        action: "create",
        entityType: "user",
        entityId: user.id,
        after: { username: user.username, displayName: user.displayName, role: user.role, active: true },
      },
    });
    return user;
  });
}

/** The new password from RESETTLE_ADMIN_PASSWORD, or asked twice on the terminal without echo. */
export async function readNewPassword(): Promise<string> {
  const fromEnv = process.env.RESETTLE_ADMIN_PASSWORD;
  if (fromEnv) return fromEnv;
  if (!process.stdin.isTTY) throw new Error("no terminal to ask for the password: set RESETTLE_ADMIN_PASSWORD");
  const first = await askHidden("Password (≥10 characters, letters and digits): ");
  const second = await askHidden("Password again: ");
  if (first !== second) throw new Error("the two passwords differ");
  return first;
}

function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: true });
    const output = rl as unknown as { _writeToOutput: (s: string) => void };
    rl.question(question, (answer) => {
      rl.close();
      process.stdout.write("\n");
      resolve(answer);
    });
    output._writeToOutput = () => {};
    process.stdout.write(question);
  });
}
