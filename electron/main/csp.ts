/**
 * The page's Content Security Policy, shared by the Electron window and the web host so both
 * run the renderer under the same rules. Styles need 'unsafe-inline' because emotion (MUI)
 * injects <style> elements at run time; scripts never do.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "font-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "object-src 'none'",
].join('; ');
