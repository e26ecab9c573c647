// Smoke test in Firefox ESR: install dist/firefox as a temporary add-on through geckodriver,
// click its toolbar button from the browser's own context, and see the reader view.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFileSync } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import { startServer, EXTENSION_DIR } from './harness.mjs';

const FIREFOX = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
const ADDON_WIDGET = 'masthead_example_org-browser-action'; // the add-on id, as Firefox spells its widget
const FIREFOX_DIR = path.join(path.dirname(EXTENSION_DIR), 'firefox');

function which(command) {
  try {
    return execFileSync('sh', ['-c', `command -v ${command}`]).toString().trim();
  } catch {
    return null;
  }
}

async function freePort() {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

let server;
let driver;
let endpoint;
let session;

async function call(method, route, body) {
  const response = await fetch(`${endpoint}${route}`, {
    method, headers: { 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined,
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${route}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const missing = [FIREFOX, 'geckodriver'].filter((tool) => !which(tool));

before(async () => {
  if (missing.length) return;
  server = await startServer();
  const port = await freePort();
  driver = spawn('geckodriver', ['--port', String(port), '--allow-system-access'], { stdio: 'ignore' });
  endpoint = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${endpoint}/status`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const created = await call('POST', '/session', {
    capabilities: { alwaysMatch: { browserName: 'firefox', 'moz:firefoxOptions': {
      binary: FIREFOX, args: ['-headless'],
      // Every host name resolves to this machine, so the fixture is served under its real host.
      prefs: { 'network.dns.forceResolve': '127.0.0.1', 'dom.security.https_first': false },
    } } },
  });
  session = `/session/${created.sessionId}`;
});

after(async () => {
  if (session) await call('DELETE', session).catch(() => {});
  driver?.kill();
  server?.close();
});

test('Firefox ESR: the add-on installs and a toolbar click shows the reader view with the outlet label', { skip: missing.length ? `not installed: ${missing.join(', ')}` : false }, async () => {
  await call('POST', `${session}/moz/addon/install`, { path: FIREFOX_DIR, temporary: true });
  await call('POST', `${session}/url`, { url: `http://sputnikglobe.com:${server.address().port}/20190209/guaido-intervention-us-contacts-1072305.html` });
  await call('POST', `${session}/moz/context`, { context: 'chrome' });
  await call('POST', `${session}/execute/sync`, {
    script: `const w = Services.wm.getMostRecentWindow("navigator:browser");
      w.CustomizableUI.addWidgetToArea(arguments[0], "nav-bar");
      w.document.getElementById(arguments[0]).querySelector(".unified-extensions-item-action-button").click();`,
    args: [ADDON_WIDGET],
  });
  await call('POST', `${session}/moz/context`, { context: 'content' });
  let text = '';
  for (let i = 0; i < 150 && !text.includes("self-proclaimed interim president"); i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    text = await call('POST', `${session}/execute/sync`, {
      script: "return (document.querySelector('masthead-reader')?.shadowRoot?.textContent ?? '').replace(/\\\\s+/g, ' ')", args: [],
    });
  }
  assert.ok(text.includes("Venezuela's self-proclaimed interim president"), `reader view text: ${text.slice(0, 200)}`);
  assert.ok(!text.includes('READ MORE') && !text.includes('Newsfeed'));
  assert.ok(text.includes('Sputnik International — state-controlled media, Russia. Owned by Rossiya Segodnya.'), 'the outlet label');
});
