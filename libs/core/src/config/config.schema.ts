import { z } from 'zod';

const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
const DEV_IIN_KEY = 'ZGV2LW9ubHktaWluLWVuY3J5cHRpb24ta2V5LTMyYiE='; // 32 bytes, base64
const DEV_IIN_HASH_KEY = 'dev-only-iin-blind-index-key';

const base64Key32 = z
  .string()
  .refine((v) => Buffer.from(v, 'base64').length === 32, 'must be 32 bytes encoded as base64');

const int = (def: number, min = 0) => z.coerce.number().int().min(min).default(def);

/** The environment the processes read at boot. Unknown variables are ignored. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000),
    PUBLIC_URL: z.string().url().default('http://localhost:3000'),
    DATABASE_URL: z
      .string()
      .url()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL')
      .default('postgres://postgres@127.0.0.1:5432/yvc'),
    REDIS_URL: z
      .string()
      .url()
      .refine((v) => /^rediss?:\/\//.test(v), 'must be a redis:// URL')
      .default('redis://127.0.0.1:6379'),
    REDIS_PREFIX: z.string().min(1).default('yvc'),
    JWT_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    JWT_ACCESS_TTL_SECONDS: int(900, 30),
    REFRESH_TTL_DAYS: int(30, 1),
    IIN_ENCRYPTION_KEY: base64Key32.optional(),
    IIN_HASH_KEY: z.string().min(16, 'must be at least 16 characters').optional(),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    CONSENT_TEXT_VERSION: z.string().min(1).default('2026-01'),
    MEMBERSHIP_PREFIX: z
      .string()
      .regex(/^[A-Z]{2,5}$/, 'must be 2-5 capital Latin letters')
      .default('ZHM'),
    LOGIN_MAX_FAILURES_PER_ACCOUNT_IP: int(5, 1),
    LOGIN_MAX_FAILURES_PER_ACCOUNT: int(20, 1),
    LOGIN_MAX_FAILURES_PER_IP: int(100, 1),
    LOGIN_FAILURE_WINDOW_SECONDS: int(900, 1),
    /** sign-up attempts per IP per hour (account spam) */
    SIGN_UP_PER_IP_PER_HOUR: int(300, 1),
    /** password reset requests per email address (hashed, account or not) and per IP per hour (email bombing) */
    PASSWORD_RESET_PER_ADDRESS_PER_HOUR: int(3, 1),
    PASSWORD_RESET_PER_IP_PER_HOUR: int(20, 1),
    /** attempts to set a password with a reset token per IP per hour */
    PASSWORD_RESET_CONFIRM_PER_IP_PER_HOUR: int(30, 1),
    /** wrong current passwords given to changePassword per account per hour */
    PASSWORD_CHANGE_FAILURES_PER_ACCOUNT_PER_HOUR: int(5, 1),
    /** walk-in look-ups (by email or phone) per staff account per hour: not an oracle of who is a member */
    WALK_IN_LOOKUPS_PER_HOUR: int(60, 1),
    GRAPHQL_MAX_DEPTH: int(10, 2),
    GRAPHQL_MAX_COMPLEXITY: int(2000, 10),
    /** report fields (engagement, data export, delivery log) per operation, aliases and fragments counted */
    GRAPHQL_MAX_REPORTS: int(2, 1),
    SMTP_URL: z
      .string()
      .url()
      .refine((v) => /^smtps?:\/\//.test(v), 'must be an smtp:// or smtps:// URL')
      .default('smtp://127.0.0.1:1025'),
    MAIL_FROM: z.string().min(3).default('Жас сайлаушылар клубы <noreply@yvc.kz>'),
    SMS_GATEWAY_URL: z.string().url().default('http://127.0.0.1:1090/sms'),
    SMS_GATEWAY_TOKEN: z.string().min(8, 'must be at least 8 characters').default('dev-sms-token'),
    EMAIL_RATE_PER_SECOND: int(50, 1),
    SMS_RATE_PER_SECOND: int(20, 1),
    DELIVERY_ATTEMPTS: int(5, 1),
    DELIVERY_BACKOFF_MS: int(5_000, 1),
    OUTBOX_POLL_MS: int(250, 10),
    /** off: this worker does not move outbox rows to the queue (another one does) */
    OUTBOX_RELAY: z.enum(['on', 'off']).default('on'),
    /**
     * a claimed delivery's lease: renewed every third of it while its batch is in flight, so this is
     * how soon the sends of a worker that died are taken over, not a bound on how long a batch runs
     */
    DELIVERY_LEASE_SECONDS: int(30, 2),
    /**
     * off: this worker sends no deliveries (others do); its queues and the outbox relay still run.
     * Read by the worker only: the API never sends (its processes have no pump, whatever this says)
     */
    DELIVERY_PUMP: z.enum(['on', 'off']).default('on'),
    /** deliveries one worker claims with one statement, and sends concurrently */
    DELIVERY_BATCH_SIZE: int(200, 1),
    /** batches each worker has in flight per channel (one claims while another sends) */
    DELIVERY_BATCHES_IN_FLIGHT: int(2, 1),
    /** sends of one batch in flight at once (SMTP over the pool, SMS over keep-alive HTTP) */
    DELIVERY_SENDS_IN_FLIGHT: int(16, 1),
    /** how often an idle delivery pump looks for due deliveries (planning in the same process wakes it at once) */
    DELIVERY_POLL_MS: int(250, 10),
    /** pooled SMTP connections per worker process */
    SMTP_POOL_SIZE: int(10, 1),
    /** BullMQ job lock: a job whose worker died is picked up again after this long */
    QUEUE_LOCK_MS: int(30_000, 1000),
    /** Ed25519 signing keys of the issuing commission (a private JWK set); see README "Credential keys" */
    CREDENTIAL_KEYS_FILE: z.string().min(1).default('.data/credential-keys.json'),
    /** the same JWK set inline (wins over the file), for platforms that pass secrets as variables */
    CREDENTIAL_KEYS_JSON: z.string().min(2).optional(),
    CREDENTIAL_ISSUER_NAME: z.string().min(3).default('Жамбыл облыстық аумақтық сайлау комиссиясы'),
    /** public certificate checks (GraphQL verifyCertificate and the /verify page) per IP per minute */
    CERTIFICATE_VERIFY_PER_MINUTE: int(60, 1),
    /** engagement figures are cached this long per (scope, filter) in Redis; 0 computes every time */
    ENGAGEMENT_CACHE_SECONDS: int(60, 0),
    ENGAGEMENT_REFRESH_MINUTES: int(10, 0),
    /** engagement reports one account may have computed per minute (answers from the cache are free) */
    ENGAGEMENT_COMPUTES_PER_MINUTE: int(20, 1),
    /** up-to-now questions the worker refreshes ahead per account, and in all (the least recently asked go first) */
    ENGAGEMENT_REFRESH_PER_ACCOUNT: int(5, 1),
    ENGAGEMENT_REFRESH_MAX: int(50, 1),
    /** the API keeps a resident copy of what the engagement figures read and answers from it (docs/analytics.md) */
    ENGAGEMENT_INDEX: z
      .enum(['true', 'false'])
      .default('true')
      .transform((v) => v === 'true'),
    /** worker threads that run a pass over every member (the country's answers) of the resident copy; 0: in the API's own thread */
    ENGAGEMENT_INDEX_THREADS: int(2),
    /** rollups of whole hours of the resident copy kept per API process (docs/analytics.md); 0: none, every question is one pass */
    ENGAGEMENT_ROLLUPS: int(32),
    /** where the resident copy reads from (e.g. a read replica); default DATABASE_URL */
    ENGAGEMENT_INDEX_DATABASE_URL: z
      .string()
      .url()
      .refine((v) => /^postgres(ql)?:\/\//.test(v), 'must be a postgres:// URL')
      .optional(),
    /** the next election day (YYYY-MM-DD): members who are 18 on it count as first-time voters too */
    NEXT_ELECTION_DATE: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date like 2027-03-19')
      .optional(),
    /** V8 heap growth past the last full collection's live size, in percent (0: V8's own, up to 300); see heap-growth.ts */
    HEAP_GROWING_PERCENT: z.coerce.number().int().min(0).max(300).default(50),
    /** API: V8's young generation growth factor (0: V8's own, 2; 1: stays at its start size); apps/api/src/young-generation.ts */
    SEMI_SPACE_GROWTH_FACTOR: z.coerce.number().int().min(0).max(8).default(0),
    /**
     * API processes on this machine (node:cluster, apps/api/src/api-processes.ts): 1 runs the API in
     * the process started; N > 1 makes it a supervisor of N API processes sharing PORT (one per core).
     */
    API_PROCESSES: z.coerce.number().int().min(1).max(64).default(1),
    BODY_LIMIT: z
      .string()
      .regex(/^\d+(b|kb|mb)$/, 'must look like 100kb or 1mb')
      .default('1mb'),
    /**
     * Which proxies in front of the API to believe about the client's address (X-Forwarded-For),
     * as Express's `trust proxy`: a number of hops, or a comma-separated list of addresses, CIDR
     * ranges and names (loopback, linklocal, uniquelocal). Every per-IP rate limit depends on it.
     */
    TRUST_PROXY: z
      .string()
      .regex(
        /^(\d{1,2}|((loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)(\s*,\s*|$))+)$/,
        'must be a number of hops, or addresses, CIDR ranges, loopback, linklocal, uniquelocal separated by commas',
      )
      .default('loopback')
      .transform((v) => (/^\d+$/.test(v) ? Number(v) : v)),
  })
  .superRefine((env, ctx) => {
    if (env.NODE_ENV !== 'production') return;
    for (const key of ['JWT_SECRET', 'IIN_ENCRYPTION_KEY', 'IIN_HASH_KEY'] as const) {
      if (!env[key]) ctx.addIssue({ code: 'custom', path: [key], message: 'is required in production' });
    }
  })
  .transform((env) => ({
    ...env,
    JWT_SECRET: env.JWT_SECRET ?? DEV_JWT_SECRET,
    IIN_ENCRYPTION_KEY: env.IIN_ENCRYPTION_KEY ?? DEV_IIN_KEY,
    IIN_HASH_KEY: env.IIN_HASH_KEY ?? DEV_IIN_HASH_KEY,
  }));

export type AppConfig = z.output<typeof configSchema>;

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/** Parses and validates the environment; throws ConfigError naming each bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): AppConfig {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== ''));
  const result = configSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(env)'} ${i.message}`));
  }
  return result.data;
}
