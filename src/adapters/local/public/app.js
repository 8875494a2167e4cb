/* Local web chat for Eksportbro: pick a person, type commands, click the bot's Adaptive Cards. */
(() => {
  const $ = (id) => document.getElementById(id);
  const state = { person: "", lastSeq: 0, people: [], texts: {} };

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
      return { status: 0, json: { error: state.texts.offline || "Eksportbro?" } };
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

  async function onAction(action, container) {
    const { verb, data } = verbOf(action);
    const { status, json } = await api("POST", "/local/actions", {
      from: state.person,
      action: verb,
      data,
    });
    if (status === 422 && json.form) return renderCard(json.form, container);
    if (status !== 200) return showError(json.error || `HTTP ${status}`);
    const opensForm = (json.replies || []).some((r) =>
      JSON.stringify(r.card || {}).includes('"Input.'),
    );
    if (!opensForm) container.classList.add("done");
    for (const reply of json.replies || []) showMessage(reply, "bot");
  }

  function showError(text) {
    const el = bubble("bot error");
    el.textContent = text;
  }

  async function send(text) {
    const me = bubble("me");
    me.textContent = text;
    const { status, json } = await api("POST", "/local/messages", { from: state.person, text });
    if (status !== 200) return showError(json.error || `HTTP ${status}`);
    for (const reply of json.replies || []) showMessage(reply, "bot");
  }

  async function poll() {
    if (!state.person) return;
    const person = state.person;
    const { status, json } = await api(
      "GET",
      `/local/inbox/${encodeURIComponent(person)}?after=${state.lastSeq}`,
    );
    if (status !== 200 || person !== state.person) return;
    for (const m of json.messages || []) {
      if (m.seq <= state.lastSeq) continue; // an overlapping poll already showed it
      state.lastSeq = m.seq;
      showMessage(
        m,
        "bot notice",
        `${state.texts.notice} · ${new Date(m.at).toLocaleString("da-DK", TIME)}`,
      );
    }
  }

  function choose(personId) {
    state.person = personId;
    state.lastSeq = 0;
    localStorage.setItem("eksportbro.person", personId);
    $("log").replaceChildren();
    const p = state.people.find((x) => x.id === personId);
    $("role").textContent = p ? p.label : "";
    poll();
  }

  async function start() {
    const { json } = await api("GET", "/local/people");
    state.people = json.people || [];
    state.texts = json.texts || {};
    $("i-am").textContent = state.texts.i_am;
    $("text").placeholder = state.texts.placeholder;
    $("text").setAttribute("aria-label", state.texts.message);
    $("send").textContent = state.texts.send;
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
