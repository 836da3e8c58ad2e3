/** One thing WeChat would reject or mishandle, named by file (relative to the build) and position. */
export interface Problem {
  check: string;
  file: string;
  line?: number;
  column?: number;
  message: string;
}

export function formatProblem(p: Problem): string {
  const at = p.line ? `:${p.line}${p.column ? `:${p.column}` : ''}` : '';
  return `${p.file}${at}  [${p.check}] ${p.message}`;
}
