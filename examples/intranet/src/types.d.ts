// Types the portal's modules share (checked by tsc over the // @ts-check JavaScript).
import type { EmployeeType, IndonesianTimeZone } from '@ikrar/core';

/** The database and migrations: @ikrar/server's. */
export type { Migration, SqlDatabase } from '@ikrar/server';

export interface Employee {
  /** Opaque id used in URLs (never the NIP/NIK). */
  id: string;
  identifier: string;
  name: string;
  employeeType: EmployeeType;
  position: string | null;
  workUnit: string;
}

export interface PortalEvent {
  id: string;
  name: string;
  place: string | null;
  date: string | null;
  /** RFC 3339 with offset, or null for no deadline. */
  deadline: string | null;
  timeZone: IndonesianTimeZone;
  language: 'id' | 'en';
  templates: Record<EmployeeType, string[]>;
  createdAt: string;
}

export type StaffRole = 'admin' | 'auditor';

export interface Session {
  kind: 'employee' | 'staff';
  /** Employee id (opaque) or staff username. */
  subject: string;
  role: StaffRole | null;
  csrf: string;
  expiresAt: string;
}

export interface PortalConfig {
  agencyName: string;
  dataDir: string;
  databaseUrl: string;
  rosterFile: string;
  host: string;
  port: number;
  publicUrl: string;
  publicDir: string;
  widgetDist: string;
  keyValidFrom: string;
  demo: boolean;
  log: boolean;
  /** The event created on first start. */
  firstEvent: Omit<PortalEvent, 'id' | 'createdAt'>;
  sessionHours: number;
  limits: {
    signInPerMinute: number;
    signingPerMinute: number;
    headersTimeoutMs: number;
    requestTimeoutMs: number;
    exportsPerSession: number;
    /** How long a coverage or people-list answer is shared (IKRAR_COVERAGE_CACHE_MS, 1000; 0: never). */
    coverageCacheMs: number;
  };
  adminPassword?: string;
  /** Bearer token for POST /credentials/issue (IKRAR_API_TOKEN); none: 401. */
  apiToken?: string;
  /** Single sign-on through the agency's OpenID provider (OIDC_*); none: SSO is off. */
  sso?: SsoSettings;
  /** Which reverse proxies to believe about the client's address (IKRAR_TRUST_PROXY); none: the socket's. */
  trustProxy?: import('./http/client-address.mjs').TrustProxy | null;
  /** How the pledge page signs (IKRAR_SIGNING_MODE): the agency alone, or the employee's browser key too. */
  signingMode?: 'endpoint' | 'browser-key';
}

export interface SsoSettings {
  /** The provider's issuer URL (discovery at `/.well-known/openid-configuration`). */
  issuer: string;
  clientId: string;
  /** None: a public client (PKCE only). */
  clientSecret?: string;
  /** Space-separated, always with `openid`. */
  scope: string;
  /** Claim with the employee's NIP (or NIK), matched to the roster. */
  nipClaim: string;
  /** Claim with the user's roles (string or array); null: roles from the staff list only. */
  roleClaim: string | null;
  adminRole: string;
  auditorRole: string;
  /** Claim matched to the portal's staff usernames when no role claim names a role. */
  staffClaim: string;
}
