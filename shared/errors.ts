/** The closed set of error codes every action may answer with. The client keys its behaviour on these. */
export const ERROR_CODES = [
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'NOT_FOUND',
  'VALIDATION',
  'CONFLICT',
  'INVALID_STATE',
  'LIMIT_EXCEEDED',
  'CONTENT_REJECTED',
  'RATE_LIMITED',
  'SLOT_TAKEN',
  'SUSPENDED',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Default Chinese text for each code; a handler may give a more specific message. */
export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  UNAUTHENTICATED: '请先登录',
  FORBIDDEN: '您没有权限进行此操作',
  NOT_FOUND: '内容不存在或已删除',
  VALIDATION: '填写的内容有误，请检查后重试',
  CONFLICT: '操作冲突，请刷新后重试',
  INVALID_STATE: '当前状态下不能进行此操作',
  LIMIT_EXCEEDED: '已超出限制',
  CONTENT_REJECTED: '内容含有不当信息，请修改后再提交',
  RATE_LIMITED: '操作太频繁，请稍后再试',
  SLOT_TAKEN: '这个时段已被预约，可以加入候补，空出时按顺序为您保留',
  SUSPENDED: '您的预约权限已暂停',
  INTERNAL: '系统繁忙，请稍后再试',
};

export interface ApiError {
  code: ErrorCode;
  message: string;
  /** Field path → Chinese message, for forms. */
  fields?: Record<string, string>;
  requestId?: string;
}

export type Envelope<T> = { ok: true; data: T } | { ok: false; error: ApiError };

/** Thrown by handlers and rules for an expected refusal; the router turns it into an error envelope. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;

  constructor(code: ErrorCode, message?: string, fields?: Record<string, string>) {
    super(message ?? ERROR_MESSAGES[code]);
    this.name = 'AppError';
    this.code = code;
    this.fields = fields;
  }
}

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}
