const BROWSERS: [RegExp, string][] = [
  [/Edg\/(\d+)/, 'Edge'],
  [/OPR\/(\d+)/, 'Opera'],
  [/CocCoc\/(\d+)|coc_coc_browser\/(\d+)/, 'Cốc Cốc'],
  [/Firefox\/(\d+)/, 'Firefox'],
  [/Chrome\/(\d+)/, 'Chrome'],
  [/Version\/(\d+).*Safari/, 'Safari'],
];

const SYSTEMS: [RegExp, string][] = [
  [/Windows/, 'Windows'],
  [/Android/, 'Android'],
  [/iPhone|iPad|iOS/, 'iOS'],
  [/Mac OS X|Macintosh/, 'macOS'],
  [/Linux/, 'Linux'],
];

/** "Chrome 131 · Windows" from a user-agent string; null when it says nothing useful. */
export function describeUserAgent(userAgent: string | null | undefined): string | null {
  if (!userAgent) return null;
  const browser = BROWSERS.find(([pattern]) => pattern.test(userAgent));
  const system = SYSTEMS.find(([pattern]) => pattern.test(userAgent))?.[1];
  let name: string | null = null;
  if (browser) {
    const match = browser[0].exec(userAgent);
    const version = match?.slice(1).find(Boolean);
    name = version ? `${browser[1]} ${version}` : browser[1];
  }
  const parts = [name, system].filter((part): part is string => Boolean(part));
  return parts.length ? parts.join(' · ') : userAgent.slice(0, 60);
}
