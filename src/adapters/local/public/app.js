/* Local web chat for Eksportbro: pick a person, type commands, click the bot's Adaptive Cards. */
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { person: "", lastSeq: 0, epoch: "", people: [], texts: {}, notices: new Map() };

  // Danish time, as the cards' own dates, whatever the browser's time zone.
  const TIME = { timeZone: "Europe/Copenhagen", dateStyle: "short", timeStyle: "short" };

  async function api(method, path, body) {
    try {
      const res = await fetch(path, {
        method,
        headers: { "Content-Type": "application/json" },
        body: body ? JSON.stringify(body) : undefined,
      });
      const json = await res.json().catch(() => ({}));
      return { status: res.status, json };
    } catch {
      return { status: 0, json: { error: state.texts.offline } };
    }
  }

  function bubble(kind, label) {
    const el = document.createElement("div");
    el.className = `msg ${kind}`;
    if (label) {
      const l = document.createElement("div");
      l.className = "label";
      l.textContent = label;
      el.appendChild(l);
    }
    $("log").appendChild(el);
    // after the caller has filled it: an empty bubble would scroll the card in under the composer
    requestAnimationFrame(() => el.scrollIntoView({ block: "end" }));
    return el;
  }

  function renderCard(message, container) {
    const card = new AdaptiveCards.AdaptiveCard();
    card.onExecuteAction = (action) => onAction(action, container);
    card.parse(message.card);
    serverValidates(card);
    const rendered = card.render();
    const holder = document.createElement("div");
    holder.className = "card";
    holder.appendChild(rendered);
    container.replaceChildren(
      ...[...container.children].filter((c) => c.className === "label"),
      holder,
    );
  }

  // The server validates every submit and answers 422 with the form redrawn with translated
  // errors per field; the card's own required-field check would swallow the click silently.
  function serverValidates(card) {
    for (const action of card.getAllActions()) {
      action.prepareForExecution = () => {
        action.internalPrepareForExecution(action.getReferencedInputs());
        return true;
      };
    }
  }

  function showMessage(message, kind, label) {
    const el = bubble(kind, label);
    if (message.card) renderCard(message, el);
    else el.appendChild(document.createTextNode(message.text));
    return el;
  }

  function verbOf(action) {
    if (action instanceof AdaptiveCards.ExecuteAction)
      return { verb: action.verb, data: { ...(action.data || {}) } };
    const data = { ...(action.data || {}) };
    const verb = data.verb;
    delete data.verb;
    return { verb, data };
  }

  /** A button in a list item (an ActionSet) stands for that item only; others for the whole card. */
  function actionScope(action, container) {
    const parent = action.parent;
    if (parent instanceof AdaptiveCards.ActionSet && parent.renderedElement)
      return parent.renderedElement;
    return container;
  }

  async function onAction(action, container) {
    if (action instanceof AdaptiveCards.OpenUrlAction) {
      window.open(action.url, "_blank", "noopener");
      return;
    }
    const { verb, data } = verbOf(action);
    const scope = actionScope(action, container);
    if (scope.classList.contains("pending")) return;
    scope.classList.add("pending");
    const { status, json } = await api("POST", "/local/actions", {
      from: state.person,
      action: verb,
      data,
    });
    scope.classList.remove("pending");
    if (status === 422 && json.form) return renderCard(json.form, container);
    if (status !== 200) return showError(json.error || errorStatus(status));
    const replies = json.replies || [];
    const hasInputs = (message) => JSON.stringify(message.card || {}).includes('"Input.');
    // A submitted form is closed: what it led to (a short summary) takes its place.
    if (json.replaces && scope === container && container.querySelector("[class*=ac-input]")) {
      const [first, ...rest] = replies;
      if (first.card) renderCard(first, container);
      container.classList.add("closed");
      for (const reply of rest) showMessage(reply, "bot");
      return;
    }
    if (!replies.some(hasInputs)) scope.classList.add("done");
    for (const reply of replies) showMessage(reply, "bot");
  }

  function errorStatus(status) {
    return (state.texts.error_status || "").replace("{status}", String(status));
  }

  function showError(text) {
    const el = bubble("bot error");
    el.textContent = text;
  }

  async function send(text) {
    const me = bubble("me");
    me.textContent = text;
    const { status, json } = await api("POST", "/local/messages", { from: state.person, text });
    if (status !== 200) return showError(json.error || errorStatus(status));
    for (const reply of json.replies || []) showMessage(reply, "bot");
    loadTexts(state.person);
  }

  async function poll() {
    if (!state.person) return;
    const person = state.person;
    const { status, json } = await api(
      "GET",
      `/local/inbox/${encodeURIComponent(person)}?after=${state.lastSeq}`,
    );
    if (status !== 200 || person !== state.person) return;
    if (json.epoch !== state.epoch) {
      // the server restarted and numbers its inbox from 1 again
      const first = state.epoch === "";
      state.epoch = json.epoch;
      if (!first && state.lastSeq > 0) {
        state.lastSeq = 0;
        state.notices = new Map();
        return poll();
      }
    }
    const seen = state.lastSeq;
    for (const m of json.messages || []) {
      if (m.seq <= seen) continue; // an overlapping poll already showed it
      state.lastSeq = Math.max(state.lastSeq, m.seq);
      const shown = state.notices.get(m.id);
      if (shown?.isConnected) {
        if (m.card) renderCard(m, shown);
        shown.classList.remove("done");
        shown.classList.add("updated");
        continue;
      }
      const label = `${state.texts.notice} · ${new Date(m.at).toLocaleString(state.texts.date_locale, TIME)}`;
      state.notices.set(m.id, showMessage(m, "bot notice", label));
    }
  }

  function choose(personId) {
    state.person = personId;
    state.lastSeq = 0;
    state.notices = new Map();
    localStorage.setItem("eksportbro.person", personId);
    $("log").replaceChildren();
    loadTexts(personId)
      .then(poll)
      .then(() => welcome(personId));
  }

  /** The welcome card, on a person's first visit only (the server remembers who was greeted). */
  async function welcome(personId) {
    if (!personId) return;
    const body = { from: personId, action: "welcome.show", data: {} };
    const { status, json } = await api("POST", "/local/actions", body);
    if (status !== 200 || personId !== state.person) return;
    for (const reply of json.replies || []) showMessage(reply, "bot");
  }

  function showTexts(texts, label) {
    state.texts = texts;
    document.title = texts.title;
    document.documentElement.lang = texts.lang;
    $("i-am").textContent = texts.i_am;
    $("text").placeholder = texts.placeholder;
    $("text").setAttribute("aria-label", texts.message);
    $("send").textContent = texts.send;
    $("role").textContent = label;
  }

  /** The page speaks the chosen person's language, which /sprog can change. */
  async function loadTexts(personId) {
    const { status, json } = await api("GET", `/local/texts/${encodeURIComponent(personId)}`);
    if (status === 200 && personId === state.person) showTexts(json.texts, json.label);
  }

  async function start() {
    const { json } = await api("GET", "/local/people");
    state.people = json.people || [];
    showTexts(json.texts || {}, "");
    for (const p of state.people) {
      const o = document.createElement("option");
      o.value = p.id;
      o.textContent = `${p.name} (${p.label})`;
      $("person").appendChild(o);
    }
    const saved = localStorage.getItem("eksportbro.person");
    const initial = state.people.some((p) => p.id === saved) ? saved : state.people[0]?.id;
    $("person").value = initial || "";
    $("person").addEventListener("change", (e) => choose(e.target.value));
    $("composer").addEventListener("submit", (e) => {
      e.preventDefault();
      const text = $("text").value.trim();
      if (!text) return;
      $("text").value = "";
      send(text);
    });
    choose(initial || "");
    setInterval(poll, 1500);
    document.body.dataset.ready = "true";
  }

  start();
})();
