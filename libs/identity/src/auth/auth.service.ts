import { Inject, Injectable } from '@nestjs/common';
import { KeyObject, createSecretKey } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { InjectDataSource } from '@nestjs/typeorm';
import { APP_CONFIG, AppConfig, canonicalEmail, randomToken, sha256Hex } from '@yvc/core';
import { returnedRows } from '@yvc/database';
import { DataSource, EntityManager } from 'typeorm';
import { IdentityError, identityError } from '../identity.errors';
import { Member, MemberStatus, Role } from '../members/member.entity';
import { MembersService } from '../members/members.service';
import { AccountThrottle } from './account-throttle';
import { Hs256Verifier } from './hs256';
import { Actor } from './actor';
import { LoginThrottle } from './login-throttle';
import { PasswordHasher } from './password-hasher';
import { SessionRevocations } from './session-revocations';

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  memberId: string;
  /** who the tokens speak for, so the rest of the request can act as them */
  actor: Actor;
}

const ROLES = new Set<unknown>(Object.values(Role));
const isRole = (v: unknown): v is Role => ROLES.has(v);

interface AccessClaims {
  sub: string;
  sid: string;
  role: Role;
}

@Injectable()
export class AuthService {
  /** JWT_SECRET as a KeyObject (see actorFromAccessToken) */
  private readonly accessKey: KeyObject;
  /** access tokens already verified (signature and issuer), their time checked on each use */
  private readonly accessTokens: Hs256Verifier;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly jwt: JwtService,
    private readonly hasher: PasswordHasher,
    private readonly throttle: LoginThrottle,
    private readonly accountThrottle: AccountThrottle,
    private readonly members: MembersService,
    private readonly revocations: SessionRevocations,
  ) {
    this.accessKey = createSecretKey(Buffer.from(config.JWT_SECRET));
    this.accessTokens = new Hs256Verifier(this.accessKey, 'yvc');
  }

  async login(email: string, password: string, ip: string): Promise<TokenPair> {
    const normalized = canonicalEmail(email ?? '');
    await this.throttle.reserve(normalized, ip);
    const row: Array<Pick<Member, 'id' | 'status'> & { password_hash: string }> = await this.dataSource.query(
      `SELECT id, status, password_hash FROM members WHERE email = $1`,
      [normalized],
    );
    const member = row[0];
    const ok = member
      ? await this.hasher.verify(member.password_hash, password ?? '')
      : await this.hasher.verifyNothing(password ?? '');
    if (!ok) throw identityError(IdentityError.INVALID_CREDENTIALS);
    await this.throttle.succeeded(normalized, ip);
    if (member.status !== MemberStatus.ACTIVE) throw identityError(IdentityError.ACCOUNT_INACTIVE);
    return this.dataSource.transaction((em) => this.openSession(em, member.id));
  }

  /** A new session for a member who has just proved who they are (login, sign-up). */
  async openSession(em: EntityManager, memberId: string): Promise<TokenPair> {
    const [session]: Array<{ id: string; role: Role }> = await em.query(
      `INSERT INTO sessions (member_id) SELECT id FROM members WHERE id = $1 RETURNING id,
         (SELECT role FROM members WHERE id = $1) AS role`,
      [memberId],
    );
    return this.issue(em, memberId, session.id, session.role);
  }

  /**
   * Rotates a refresh token. Each token is good once (a conditional UPDATE marks it used); showing
   * a used one again means it leaked, so the whole session (the token family) is revoked.
   */
  async refresh(refreshToken: string): Promise<TokenPair> {
    const hash = sha256Hex(refreshToken ?? '');
    const outcome = await this.dataSource.transaction(async (em) => {
      const used = returnedRows<{
        session_id: string;
        member_id: string;
        role: Role;
        status: MemberStatus;
        revoked_at: Date | null;
      }>(
        await em.query(
          `UPDATE refresh_tokens t SET used_at = now()
           FROM sessions s JOIN members m ON m.id = s.member_id
           WHERE t.token_hash = $1 AND t.used_at IS NULL AND t.expires_at > now() AND s.id = t.session_id
           RETURNING t.session_id, s.member_id, m.role, m.status, s.revoked_at`,
          [hash],
        ),
      );
      const hit = used[0];
      if (hit) {
        if (hit.revoked_at || hit.status !== MemberStatus.ACTIVE)
          return { error: IdentityError.INVALID_REFRESH_TOKEN };
        return { pair: await this.issue(em, hit.member_id, hit.session_id, hit.role) };
      }
      const reused = returnedRows<{ session_id: string }>(
        await em.query(
          `UPDATE sessions s SET revoked_at = coalesce(s.revoked_at, now()), revoked_reason = coalesce(s.revoked_reason, 'REUSE')
         FROM refresh_tokens t WHERE t.token_hash = $1 AND t.used_at IS NOT NULL AND s.id = t.session_id
         RETURNING s.id AS session_id`,
          [hash],
        ),
      );
      return {
        error: reused.length ? IdentityError.REFRESH_TOKEN_REUSED : IdentityError.INVALID_REFRESH_TOKEN,
        revoked: reused.map((r) => r.session_id),
      };
    });
    if ('revoked' in outcome && outcome.revoked) await this.revocations.published(outcome.revoked);
    if ('error' in outcome && outcome.error) throw identityError(outcome.error);
    return (outcome as { pair: TokenPair }).pair;
  }

  async logout(sessionId: string): Promise<void> {
    await this.dataSource.query(
      `UPDATE sessions SET revoked_at = now(), revoked_reason = 'LOGOUT' WHERE id = $1 AND revoked_at IS NULL`,
      [sessionId],
    );
    await this.revocations.published([sessionId]);
  }

  /**
   * Who the access token `token` speaks for: null when it is not one of ours (signature, issuer,
   * algorithm), has expired, or its session has ended. Verified by Hs256Verifier (verifyHs256's
   * checks; the HMAC once per token, its time on every use) with the secret as a KeyObject made once: jsonwebtoken given a string first tried to parse it as a public key on
   * every call (and threw), and even given the KeyObject its verify (option parsing, jws, jwa,
   * callbacks) cost about 3% of the API's time in the registration storm.
   */
  async actorFromAccessToken(token: string): Promise<Actor | null> {
    // one HMAC per token with the key made once (jsonwebtoken's checks, without its per-call overhead)
    const claims = this.accessTokens.verify(token);
    return claims ? this.actorFromClaims(claims) : null;
  }

  /**
   * Who a verified access token speaks for. Its claims were signed by us at login or refresh (the
   * member was ACTIVE then, and a role never changes afterwards); what can change within the
   * token's lifetime is the session being ended (logout, password change or reset, a reused
   * refresh token, withdrawal of consent, which also ends the member's sessions). That is answered
   * from SessionRevocations without a database read; only while that list is not in sync (Redis
   * down, start-up) is the session checked in the database as before.
   */
  async actorFromClaims(claims: Partial<AccessClaims>): Promise<Actor | null> {
    if (typeof claims.sub !== 'string' || typeof claims.sid !== 'string') return null;
    const revoked = this.revocations.isRevoked(claims.sid);
    if (revoked === true) return null;
    if (revoked === false && isRole(claims.role)) {
      return { memberId: claims.sub, role: claims.role, sessionId: claims.sid };
    }
    const rows: Array<{ id: string; role: Role }> = await this.dataSource.query(
      `SELECT m.id, m.role FROM members m JOIN sessions s ON s.member_id = m.id
       WHERE m.id = $1 AND s.id = $2 AND s.revoked_at IS NULL AND m.status = 'ACTIVE'`,
      [claims.sub, claims.sid],
    );
    return rows[0] ? { memberId: rows[0].id, role: rows[0].role, sessionId: claims.sid } : null;
  }

  private async issue(
    em: EntityManager,
    memberId: string,
    sessionId: string,
    role: Role,
  ): Promise<TokenPair> {
    const refreshToken = randomToken(32);
    await em.query(
      `INSERT INTO refresh_tokens (session_id, token_hash, expires_at) VALUES ($1, $2, now() + make_interval(days => $3))`,
      [sessionId, sha256Hex(refreshToken), this.config.REFRESH_TTL_DAYS],
    );
    const claims: AccessClaims = { sub: memberId, sid: sessionId, role };
    const accessToken = await this.jwt.signAsync(claims, {
      expiresIn: this.config.JWT_ACCESS_TTL_SECONDS,
      secret: this.accessKey as unknown as string,
    });
    return { accessToken, refreshToken, memberId, actor: { memberId, role, sessionId } };
  }

  /**
   * Deletes refresh tokens that expired or were used more than a day ago (reuse detection needs a
   * used token to stay a while), and sessions with no token left. Returns how many rows went.
   */
  async purgeExpired(): Promise<{ tokens: number; sessions: number }> {
    const [, tokens] = await this.dataSource.query(
      `DELETE FROM refresh_tokens WHERE expires_at < now() - interval '1 day' OR used_at < now() - interval '1 day'`,
    );
    const [, sessions] = await this.dataSource.query(
      `DELETE FROM sessions s WHERE (s.revoked_at IS NOT NULL OR s.created_at < now() - make_interval(days => $1))
         AND NOT EXISTS (SELECT 1 FROM refresh_tokens t WHERE t.session_id = s.id)`,
      [this.config.REFRESH_TTL_DAYS],
    );
    return { tokens: Number(tokens) || 0, sessions: Number(sessions) || 0 };
  }

  /** Signs a new member up and logs them in, in one step. */
  /** Sign-up attempts are throttled per IP (AccountThrottle) before any work. */
  async signUpAndLogin(cmd: Parameters<MembersService['signUp']>[0], ip: string): Promise<TokenPair> {
    await this.accountThrottle.signUp(ip);
    const member = await this.members.signUp(cmd);
    return this.dataSource.transaction((em) => this.openSession(em, member.id));
  }
}
