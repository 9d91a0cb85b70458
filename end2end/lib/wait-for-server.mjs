// Waits until the site answers before the browser tests start. `cargo leptos
// end-to-end` starts the server and the tests together, and the server renders and
// compresses every page before it listens, which takes longer on a busy machine.
import { BASE_URL } from './browser.mjs';

const deadline = Date.now() + 120_000;
for (;;) {
  try {
    const response = await fetch(BASE_URL + '/');
    if (response.ok) break;
  } catch {
    // Not listening yet.
  }
  if (Date.now() > deadline) {
    console.error(`The site at ${BASE_URL} did not answer within two minutes.`);
    process.exit(1);
  }
  await new Promise((resolve) => setTimeout(resolve, 100));
}
