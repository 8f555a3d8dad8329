// soviet's pages, live: forms become calls to the JSON API, and regions of a page refresh
// themselves when the server streams an act that concerns them. No framework, no build step.
"use strict";

const csrf = () => document.querySelector('meta[name="csrf"]')?.content || "";

function fields(form, submitter) {
  const out = {};
  for (const el of form.elements) {
    if (!el.name || el.disabled || el.type === "submit") continue;
    if (el.type === "checkbox") { out[el.name] = el.checked; continue; }
    if (el.value === "") continue;
    out[el.name] = el.type === "number" ? Number(el.value) : el.value;
  }
  if (submitter && submitter.name) out[submitter.name] = submitter.value;
  return out;
}

function say(form, text, ok) {
  const box = form.querySelector("[data-result]") || form;
  box.textContent = text;
  box.classList.toggle("refused", !ok);
  box.classList.toggle("done", ok);
}

async function send(form, submitter) {
  const response = await fetch(fill(form, form.dataset.api), {
    method: "POST",
    headers: {"Content-Type": "application/json", "X-CSRF-Token": csrf()},
    body: JSON.stringify(fields(form, submitter)),
    credentials: "same-origin",
  });
  let body = null;
  try { body = await response.json(); } catch (e) { body = null; }
  if (response.ok) {
    const then = form.dataset.then;
    if (then === "home") { location.href = "/"; return; }
    if (then === "reload") { location.reload(); return; }
    let text = form.dataset.done || "Recorded.";
    if (body && body.receipt) text += " " + (form.dataset.receiptText || "Receipt:") + " " + body.receipt;
    if (body && body.code) text += " " + body.member + ": " + body.code;
    say(form, text, true);
    if (body && body.receipt) form.dataset.receipt = body.receipt;
    if (form.dataset.keep === undefined) form.reset();
    return;
  }
  let text = response.status + " " + response.statusText;
  if (body && body.refused) text = body.refused.message + (body.refused.clause ? " (charter " + body.refused.clause + ")" : "");
  else if (body && typeof body.detail === "string") text = body.detail;
  else if (body && Array.isArray(body.detail)) text = body.detail.map((d) => d.loc.slice(1).join(".") + ": " + d.msg).join("; ");
  say(form, text, false);
}

function fill(form, template) {
  return template.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(form.elements[k]?.value.trim() || ""));
}

// a question answered by the API (a receipt code checked): shown, nothing recorded
async function ask(form) {
  const response = await fetch(fill(form, form.dataset.get), {credentials: "same-origin"});
  const body = await response.json();
  if (!response.ok) { say(form, body.detail || response.statusText, false); return; }
  const parts = body.parts ? Object.entries(body.parts).map(([c, n]) => c + " " + n).join(", ") : "";
  say(form, body.status === "counted" ? form.dataset.counted + " " + parts : form.dataset.boxed, true);
}

document.addEventListener("submit", (event) => {
  const form = event.target;
  if (!form.dataset.api && !form.dataset.get) return;
  event.preventDefault();
  (form.dataset.api ? send(form, event.submitter) : ask(form)).catch((e) => say(form, String(e), false));
});

// --- live regions ------------------------------------------------------------------------
const pending = new Map();

function refresh(el) {
  if (el.contains(document.activeElement) && document.activeElement.tagName !== "BUTTON") {
    setTimeout(() => refresh(el), 1000);  // do not wipe what someone is typing
    return;
  }
  const url = location.pathname + "?part=" + encodeURIComponent(el.dataset.part);
  fetch(url, {credentials: "same-origin"}).then((r) => r.ok ? r.text() : null).then((html) => {
    if (html === null) return;
    const holder = document.createElement("div");
    holder.innerHTML = html.trim();
    const fresh = holder.firstElementChild;
    if (!fresh) return;
    const keep = el.querySelectorAll("[data-result]");
    // a section someone opened (the chair's "At the door") stays open
    const opened = new Set([...el.querySelectorAll("details[open] > summary")].map((s) => s.textContent));
    fresh.querySelectorAll("details > summary").forEach((s) => { if (opened.has(s.textContent)) s.parentElement.open = true; });
    el.replaceWith(fresh);
    // a message just shown (a receipt) survives the refresh of its region
    keep.forEach((old) => {
      const form = old.closest("form");
      const twin = form && form.id ? fresh.querySelector("#" + CSS.escape(form.id) + " [data-result]") : null;
      if (twin && old.textContent) { twin.textContent = old.textContent; twin.className = old.className; }
    });
  });
}

function concerned(el, topics) {
  const mine = (el.dataset.topics || "*").split(" ");
  return mine.includes("*") || mine.some((t) => topics.includes(t));
}

function connect() {
  const state = document.querySelector("[data-live-state]");
  const votes = document.body.dataset.votes ? "?votes=true" : "";
  const source = new EventSource("/api/stream" + votes);
  source.onopen = () => { if (state) { state.textContent = state.dataset.on; state.className = "on"; } };
  source.onerror = () => { if (state) { state.textContent = state.dataset.off; state.className = "off"; } };
  const handle = (message) => {
    const act = JSON.parse(message.data);
    document.body.dataset.seq = act.seq;
    document.querySelectorAll("[data-part]").forEach((el) => {
      if (!concerned(el, act.topics)) return;
      clearTimeout(pending.get(el.dataset.part));
      pending.set(el.dataset.part, setTimeout(() => refresh(document.querySelector('[data-part="' + el.dataset.part + '"]') || el), 100));
    });
  };
  source.addEventListener("act", handle);
}

// the chair's stopwatch: a button that fills in the seconds a speech lasted
document.addEventListener("click", (event) => {
  const button = event.target.closest("[data-stopwatch]");
  if (!button) return;
  const input = button.form.elements[button.dataset.stopwatch];
  if (button.dataset.started) {
    input.value = Math.round((Date.now() - Number(button.dataset.started)) / 1000);
    delete button.dataset.started;
    button.textContent = button.dataset.startText;
  } else {
    button.dataset.started = String(Date.now());
    button.dataset.startText = button.textContent;
    button.textContent = button.dataset.stopText;
  }
});

if (typeof EventSource !== "undefined") connect();
