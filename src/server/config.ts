import path from 'node:path';
import { z } from 'zod';

/**
 * The one validated configuration of the app, read from the environment.
 * Every variable is documented here and in README.md; a bad value stops the boot with a readable list.
 */
const ZConfig = z.object({
  /** HTTP port. */
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  /** Address to listen on; 127.0.0.1 keeps a laptop install private. */
  HOST: z.string().min(1).default('127.0.0.1'),
  /** Where the embedded database, uploads and the secret key live. */
  DATA_DIR: z.string().min(1).default('./data'),
  /** An external PostgreSQL server; when set, no embedded server is started. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  /** Size of the database connection pool. */
  DB_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10),
  /** Seed the demo data on an empty database. */
  SEED_DEMO: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  /** Session lifetime in hours. */
  SESSION_HOURS: z.coerce
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .default(24 * 14),
  /** Login attempts allowed per phone and address in 15 minutes. */
  LOGIN_RATE_LIMIT: z.coerce.number().int().min(1).max(10_000).default(10),
  /** Send cookies with the Secure flag (set when served over HTTPS). */
  COOKIE_SECURE: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** SMTP server for the e-mail channel, e.g. smtp://user:pass@host:587; unset: e-mail is not offered. */
  SMTP_URL: z.string().url().optional(),
  /** Sender address for e-mail. */
  MAIL_FROM: z.string().default('Linshe 邻舍 <noreply@linshe.local>'),
  /** Check every response against its schema (on in tests; presenters already whitelist fields). */
  VALIDATE_RESPONSES: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** Log level. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Config = z.output<typeof ZConfig> & { dataDir: string };

const SECRET_KEYS = new Set(['DATABASE_URL', 'SMTP_URL']);

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const input = Object.fromEntries(
    Object.keys(ZConfig.shape).flatMap((key) => {
      const value = env[key];
      return value === undefined || value === '' ? [] : [[key, value]];
    }),
  );
  const parsed = ZConfig.safeParse(input);
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const key = String(issue.path[0]);
        const shown = SECRET_KEYS.has(key) ? '' : ` (got ${JSON.stringify(input[key] ?? null)})`;
        return `${key}: ${issue.message}${shown}`;
      }),
    );
  }
  return { ...parsed.data, dataDir: path.resolve(parsed.data.DATA_DIR) };
}
