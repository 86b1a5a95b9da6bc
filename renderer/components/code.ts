/** A code as the API takes it: trimmed, or left out when empty so the program gives the next one. */
export const codeInput = (code: string): { code?: string } => (code.trim() ? { code: code.trim() } : {});
