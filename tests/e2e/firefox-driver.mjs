// Firefox ESR under geckodriver, for the Firefox test and the Firefox cold-click benchmark: a
// headless session where every host name resolves to this machine, the add-on installed as
// a temporary add-on, and a real click on its toolbar button from the browser's own context.
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { EXTENSION_DIR } from './harness.mjs';

export const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
export const ADDON_WIDGET = 'masthead_example_org-browser-action'; // the add-on id, as Firefox spells its widget
const FIREFOX_DIR = path.join(path.dirname(EXTENSION_DIR), 'firefox');

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`]).toString().trim();
  } catch {
    return null;
  }
}

/** What is missing to run Firefox here (empty when nothing is). */
export const missingTools = () => [FIREFOX, 'geckodriver'].filter((tool) => !which(tool));

async function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

/** A new Firefox session; `prefs` are added to the defaults. */
export async function startFirefox(prefs = {}) {
  const port = await freePort();
  const driver = spawn('geckodriver', ['--port', String(port), '--allow-system-access'], { stdio: 'ignore' });
  const endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${endpoint}/status`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  async function call(method, route, body) {
    const response = await fetch(`${endpoint}${route}`, {
      method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
    });
    const json = await response.json();
    if (!response.ok) throw new Error(`${method} ${route}: ${JSON.stringify(json.value)}`);
    return json.value;
  }
  const created = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
      binary: FIREFOX, args: ['-headless'],
      // Every host name resolves to this machine, so the fixture is served under its real host.
      prefs: { 'network.dns.forceResolve': '127.0.0.1', 'dom.security.https_first': false,
        // The hostile pages may use the async clipboard API, as they could over https.
        'dom.events.testing.asyncClipboard': true, ...prefs },
    } } },
  });
  const session = `/session/${created.sessionId}`;

  /** Run `script` in the browser's own (chrome) context. */
  async function inChrome(script, args = []) {
    await call('POST', `${session}/moz/context`, { context: 'chrome' });
    try {
      return await call('POST', `${session}/execute/sync`, { script, args });
    } finally {
      await call('POST', `${session}/moz/context`, { context: 'content' });
    }
  }

  let installed = false;
  return {
    call: (method, route, body) => call(method, `${session}${route}`, body),
    inChrome,
    /** Run `script` in the tab's page. */
    run: (script, args = []) => call('POST', `${session}/execute/sync`, { script, args }),
    goto: (url) => call('POST', `${session}/url`, { url }),
    currentUrl: () => call('GET', `${session}/url`),
    async install() {
      if (installed) return;
      await call('POST', `${session}/moz/addon/install`, { path: FIREFOX_DIR, temporary: true });
      installed = true;
    },
    /** A real toolbar click: the add-on's button in the browser's own UI. Returns when it was
     * clicked (ms since the epoch, the clock the reader page's marks use). */
    clickToolbar: () => inChrome(`const w = Services.wm.getMostRecentWindow("navigator:browser");
      w.CustomizableUI.addWidgetToArea(arguments[0], "nav-bar");
      const at = Date.now();
      w.document.getElementById(arguments[0]).querySelector(".unified-extensions-item-action-button").click();
      return at;`, [ADDON_WIDGET]),
    async close() {
      await call('DELETE', session).catch(() => {});
      driver.kill();
    },
  };
}
