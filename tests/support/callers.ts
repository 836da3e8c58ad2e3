/** The demo street's people by the part they play in permission tests (see local-cloud/seed.ts). */
export const CALLERS = {
  visitor: 'demo-visitor',
  resident: 'demo-resident-1',
  host: 'demo-host',
  staff: 'demo-staff',
  admin: 'demo-admin',
  /** Staff of 和平, acting on 幸福里's data. */
  otherStaff: 'demo-staff-heping',
  /** A resident of 和平, acting on 幸福里's data. */
  otherResident: 'demo-resident-heping',
} as const;
