interface Probe { label: string; n: number }
export const probe: Probe = { label: 'PROBE_FROM_SHARED', n: 42 as number }
export const probeText = (p: Probe = probe): string => `${p.label}:${p.n}`
