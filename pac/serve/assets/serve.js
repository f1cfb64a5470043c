// pac serve: reloads this page when a build changes it, and lays over it what stops a build.
// Served by pac itself (/.pac/serve.js), added to every HTML page by pac serve, never to the
// built site. Every text shown comes from the portfolio's files, so it is set as text
// (textContent), never as HTML.
(() => {
  "use strict";
  const script = document.currentScript;
  let version = Number(script && script.dataset.pacVersion) || 0;
  let failing = false;

  const ask = async (wait) => {
    const query = new URLSearchParams({
      since: String(version),
      wait: wait ? "1" : "0",
      page: location.pathname,
    });
    const response = await fetch(`/.pac/status?${query}`, { cache: "no-store" });
    if (!response.ok) throw new Error(`pac serve answered ${response.status}`);
    return response.json();
  };

  const element = (tag, text, css) => {
    const node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (css) node.style.cssText = css;
    return node;
  };

  const show = (status) => {
    document.getElementById("pac-serve-overlay")?.remove();
    if (!status.findings.length && !status.problem) return;
    const box = element("div", undefined,
      "position:fixed;inset:0;z-index:10000;overflow:auto;padding:2em;" +
      "background:rgba(20,20,20,.93);color:#f3f3f3;font:14px/1.5 monospace");
    box.id = "pac-serve-overlay";
    box.setAttribute("role", "alert");
    const title = status.problem ? "The site could not be built" : "The portfolio does not validate";
    box.append(element("h2", title, "color:#ff8a80;margin:0 0 .5em;font-size:1.4em"));
    box.append(element("p",
      "The site shows the last build that worked. Fix what is listed here and save: " +
      "this page reloads once the portfolio builds again."));
    if (status.problem) box.append(element("pre", status.problem, "white-space:pre-wrap"));
    const list = element("ol", undefined, "padding-left:1.5em");
    for (const f of status.findings) {
      const item = element("li", undefined, "margin:.8em 0");
      item.append(element("div", `${f.file}:${f.line}:${f.column}`, "font-weight:bold"));
      item.append(element("div", `${f.severity} ${f.rule}: ${f.message}`));
      if (f.hint) item.append(element("div", `fix: ${f.hint}`, "color:#b9f6ca"));
      list.append(item);
    }
    box.append(list);
    const hide = element("button", "Hide", "position:absolute;top:1em;right:1em");
    hide.addEventListener("click", () => box.remove());
    box.append(hide);
    document.body.append(box);
  };

  const answer = (status) => {
    const stopped = status.findings.length > 0 || Boolean(status.problem);
    if (status.reload || (failing && !stopped)) {
      location.reload();
      return false;
    }
    version = status.version;
    failing = stopped;
    show(status);
    return true;
  };

  const poll = async () => {
    let wait = false;
    for (;;) {
      try {
        if (!answer(await ask(wait))) return;
        wait = true;
      } catch {
        wait = false; // the server stopped or restarts: ask again in a second
        await new Promise((resolve) => setTimeout(resolve, 1000));
      }
    }
  };
  poll();
})();
