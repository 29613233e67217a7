import { hash, verify } from "@node-rs/argon2";

// Algorithm.Argon2id; the package declares its enum `const`, which isolated modules cannot read.
const ARGON2ID = 2;

/**
 * Password hashing: argon2id with OWASP's recommended floor (19 MiB, 2 passes). The
 * hash string carries its own parameters and salt, so stronger settings later still verify
 * old hashes.
 */
const options = { algorithm: ARGON2ID, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

/** Verified against when a username does not exist, so both failures take the same time. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword("decoy-password-never-valid");
  return decoy;
}
