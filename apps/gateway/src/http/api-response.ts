/** 000's envelope for every successful REST answer. */
export interface ApiResponse<T> {
  status: 'success';
  message: string;
  data: T;
}

export function ok<T>(message: string, data: T): ApiResponse<T> {
  return { status: 'success', message, data };
}
