/**
 * Debian's Chromium for the browser tests (`.ci/run` installs it), with the flags that keep it off
 * the network: without the background-networking flags it keeps trying Google's hosts, which this
 * machine's closed network refuses.
 */
export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_ARGS: string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
