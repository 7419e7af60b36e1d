/* The listening page's player (written to output/assets/). Without it every <audio controls>
   still plays; with it: one player at a time, the next article when one ends (a remembered
   toggle), one remembered speed, skip back 15 s / forward 30 s, the lock screen's title and
   buttons (Media Session), the place in each file remembered, the sentence being heard
   highlighted and every sentence a way to jump there. Settings live in localStorage only. */
(function () {
  "use strict";
  var PREFIX = "audio-edition:";
  var RATES = [0.8, 1, 1.25, 1.5, 1.75, 2];

  function load(name, fallback) {
    try {
      var value = localStorage.getItem(PREFIX + name);
      return value === null ? fallback : JSON.parse(value);
    } catch (e) { return fallback; }  // storage off (private mode, file://): just don't remember
  }
  function save(name, value) {
    try { localStorage.setItem(PREFIX + name, JSON.stringify(value)); } catch (e) { /* as above */ }
  }
  function forget(name) {
    try { localStorage.removeItem(PREFIX + name); } catch (e) { /* as above */ }
  }
  function each(selector, fn, root) {
    Array.prototype.forEach.call((root || document).querySelectorAll(selector), fn);
  }
  function clock(seconds) {
    var s = Math.max(0, Math.floor(seconds || 0)), h = Math.floor(s / 3600);
    var m = Math.floor(s % 3600 / 60), r = s % 60;
    return (h ? h + ":" + (m < 10 ? "0" : "") : "") + m + ":" + (r < 10 ? "0" : "") + r;
  }

  document.documentElement.classList.add("js");
  each("[hidden].js-only", function (el) { el.hidden = false; });
  var audios = Array.prototype.slice.call(document.querySelectorAll("audio"));
  var articles = audios.filter(function (a) { return a.classList.contains("article"); });
  var bar = document.getElementById("player");
  function part(name) { return bar && bar.querySelector("[data-part=" + name + "]"); }
  var current = null;

  function play(audio) {
    var started = audio.play();
    if (started) started.catch(function () { /* blocked autoplay: the reader presses play */ });
  }
  function seek(audio, seconds) {
    audio.dataset.seeked = "1";  // the reader chose a place: don't restore a remembered one
    audio.currentTime = Math.max(0, seconds);
    play(audio);
  }

  /* Speed: one setting for every player on every page. defaultPlaybackRate survives a
     player (re)loading its file; playbackRate is what plays now. */
  var rateSelect = part("rate");
  function setRate(rate) {
    if (RATES.indexOf(rate) < 0) rate = 1;
    audios.forEach(function (a) { a.defaultPlaybackRate = rate; a.playbackRate = rate; });
    if (rateSelect) rateSelect.value = String(rate);
    save("rate", rate);
  }
  setRate(Number(load("rate", 1)));
  if (rateSelect) rateSelect.addEventListener("change", function () {
    setRate(Number(rateSelect.value));
  });

  var autoNext = part("autonext");
  if (autoNext) {
    autoNext.checked = load("autonext", true) !== false;
    autoNext.addEventListener("change", function () { save("autonext", autoNext.checked); });
  }

  /* Where the reader stopped, per file (the episode and each article). */
  function placeKey(audio) {
    return "place:" + new URL(audio.getAttribute("src"), location.href).pathname;
  }
  audios.forEach(function (audio) {
    var saved = 0;
    audio.addEventListener("loadedmetadata", function () {
      var place = Number(load(placeKey(audio), 0));
      if (!audio.dataset.seeked && place >= 1 && place < audio.duration - 1) {
        audio.currentTime = place;
      }
    });
    audio.addEventListener("timeupdate", function () {
      if (Math.abs(audio.currentTime - saved) >= 1 && !audio.ended) {
        saved = audio.currentTime;
        save(placeKey(audio), Math.round(saved * 10) / 10);
      }
      follow(audio);
      if (audio === current) showTime();
    });
    audio.addEventListener("pause", function () {
      if (!audio.ended) save(placeKey(audio), Math.round(audio.currentTime * 10) / 10);
      if (audio === current) showState();
    });
    audio.addEventListener("ended", function () { forget(placeKey(audio)); });
  });

  /* One player at a time. Media events don't bubble, so listen while they are captured.
     A "play" event can arrive after another player was started (events are queued): it
     pauses only the players whose own "play" came before it, never one still starting. */
  var sounding = [];
  function quiet(event) {
    var i = sounding.indexOf(event.target);
    if (i >= 0) sounding.splice(i, 1);
  }
  document.addEventListener("pause", quiet, true);
  document.addEventListener("emptied", quiet, true);
  document.addEventListener("play", function (event) {
    var audio = event.target;
    if (!(audio instanceof HTMLMediaElement) || audio.paused) return;  // stale: already stopped
    sounding.slice().forEach(function (other) { if (other !== audio) other.pause(); });
    sounding = [audio];
    current = audio;
    if (bar && bar.hidden) {
      bar.hidden = false;
      document.body.classList.add("has-player");  // room below the text for the bar
    }
    if (part("title")) part("title").textContent = audio.dataset.title || document.title;
    tellLockScreen(audio);
    showState();
  }, true);

  /* The next article when one ends, if the reader wants it. */
  document.addEventListener("ended", function (event) {
    var audio = event.target;
    if (!(audio instanceof HTMLMediaElement) || !audio.classList.contains("article")) return;
    if (!autoNext || !autoNext.checked) return;
    var next = articles[articles.indexOf(audio) + 1];
    if (next) {
      var details = next.closest("details");
      if (details) details.open = true;
      play(next);
    } else if (document.body.dataset.next) {
      location.href = document.body.dataset.next + "#play";  // an article page: go on to the next
    }
  }, true);
  if (location.hash === "#play" && articles.length) {
    history.replaceState(null, "", location.pathname + location.search);
    play(articles[0]);
  }

  function target() { return current || audios[0]; }
  function skip(seconds) {
    var audio = target();
    if (!audio) return;
    var end = isFinite(audio.duration) ? audio.duration : Infinity;
    audio.currentTime = Math.min(end, Math.max(0, audio.currentTime + seconds));
  }
  function neighbour(step) {
    // Previous/next: an article's neighbour, or the episode's previous/next chapter.
    var audio = target();
    if (!audio) return;
    if (audio.classList.contains("article")) {
      var other = articles[articles.indexOf(audio) + step];
      if (other) play(other);
      return;
    }
    var starts = [];
    each("button.chapter", function (b) { starts.push(parseFloat(b.dataset.start)); },
         audio.closest("section.edition") || document);
    var now = audio.currentTime, index = 0;
    starts.forEach(function (s, i) { if (s <= now + 0.5) index = i; });
    var goal = starts[index + step];
    if (step < 0 && now - starts[index] > 3) goal = starts[index];  // back to this chapter's start
    if (goal !== undefined) seek(audio, goal);
  }
  function showState() {
    var audio = target(), button = part("toggle");
    if (!button || !audio) return;
    var playing = !audio.paused;
    button.textContent = playing ? "❚❚" : "▶";
    button.setAttribute("aria-label", playing ? "暂停" : "播放");
    showTime();
  }
  function showTime() {
    var audio = target(), out = part("clock");
    if (out && audio) out.textContent = clock(audio.currentTime) + " / " + clock(audio.duration);
  }
  if (bar) bar.addEventListener("click", function (event) {
    var button = event.target.closest("button[data-part]");
    if (!button) return;
    var what = button.dataset.part, audio = target();
    if (what === "toggle" && audio) { if (audio.paused) play(audio); else audio.pause(); }
    if (what === "back") skip(-15);
    if (what === "forward") skip(30);
  });

  /* The lock screen and headset buttons. */
  function tellLockScreen(audio) {
    if (!("mediaSession" in navigator) || typeof MediaMetadata === "undefined") return;
    var edition = audio.closest("[data-edition]");
    var cover = document.body.dataset.cover;
    navigator.mediaSession.metadata = new MediaMetadata({
      title: audio.dataset.title || document.title,
      artist: document.body.dataset.show || "",
      album: edition ? edition.dataset.edition : "",
      artwork: cover ? [{ src: cover }] : []
    });
  }
  if ("mediaSession" in navigator) {
    var actions = {
      play: function () { if (target()) play(target()); },
      pause: function () { if (target()) target().pause(); },
      seekbackward: function (d) { skip(-((d && d.seekOffset) || 15)); },
      seekforward: function (d) { skip((d && d.seekOffset) || 30); },
      seekto: function (d) { if (target() && d) target().currentTime = d.seekTime; },
      previoustrack: function () { neighbour(-1); },
      nexttrack: function () { neighbour(1); }
    };
    Object.keys(actions).forEach(function (name) {
      try { navigator.mediaSession.setActionHandler(name, actions[name]); } catch (e) { /* unsupported */ }
    });
  }

  /* Following along: the chapter and the sentence being heard. An article's sentences carry
     times within its own file; in the episode that article starts at its data-offset. */
  function storyAt(audio) {
    if (audio.classList.contains("article")) return { story: audio.closest(".story"), offset: 0 };
    var found = null, now = audio.currentTime;
    each(".story[data-offset]", function (story) {
      var from = parseFloat(story.dataset.offset), until = parseFloat(story.dataset.until);
      if (now >= from && now < until) found = { story: story, offset: from };
    }, audio.closest("section.edition") || document);
    return found;
  }
  var lit = null;
  function follow(audio) {
    if (audio !== current) return;
    var now = audio.currentTime;
    if (audio.classList.contains("episode")) {
      each("button.chapter", function (b) {
        var on = now >= parseFloat(b.dataset.start) && now < parseFloat(b.dataset.end);
        b.setAttribute("aria-current", on ? "true" : "false");
      }, audio.closest("section.edition") || document);
    }
    var where = storyAt(audio), sentence = null;
    if (where && where.story) {
      var t = now - where.offset;
      each(".s", function (s) {
        if (t >= parseFloat(s.dataset.start) && t < parseFloat(s.dataset.end)) sentence = s;
      }, where.story);
    }
    if (sentence === lit) return;
    if (lit) { lit.classList.remove("now"); lit.removeAttribute("aria-current"); }
    if (sentence) { sentence.classList.add("now"); sentence.setAttribute("aria-current", "true"); }
    lit = sentence;
    if (sentence && !audio.paused) keepInView(sentence);
  }

  /* The sentence being heard stays on screen, above the bar, while it plays; but a reader who
     scrolled in the last few seconds is reading elsewhere and is left alone. */
  var readerScrolled = 0, scrolledByUs = 0;
  window.addEventListener("scroll", function () {
    if (Date.now() - scrolledByUs > 1000) readerScrolled = Date.now();
  }, { passive: true });
  function keepInView(el) {
    if (el.offsetParent === null || Date.now() - readerScrolled < 4000) return;  // folded away
    var box = el.getBoundingClientRect();
    var bottom = bar && !bar.hidden ? bar.getBoundingClientRect().top : window.innerHeight;
    if (box.top >= 0 && box.bottom <= bottom) return;
    scrolledByUs = Date.now();
    var calm = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
    el.scrollIntoView({ block: "center", behavior: calm ? "auto" : "smooth" });
  }

  /* Clicks: a chapter or a sentence jumps there; copy and share buttons. */
  function copy(text, status) {
    function done() { if (status) status.textContent = "已复制：" + text; }
    function byHand() {
      var field = document.createElement("textarea");
      field.value = text;
      field.setAttribute("readonly", "");
      field.style.position = "fixed";
      field.style.opacity = "0";
      document.body.appendChild(field);
      field.select();
      var ok = false;
      try { ok = document.execCommand("copy"); } catch (e) { ok = false; }
      document.body.removeChild(field);
      if (ok) done(); else if (status) status.textContent = "请长按或手动复制：" + text;
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, byHand);
    } else byHand();
  }
  document.addEventListener("click", function (event) {
    var el = event.target.closest("button.chapter, .s, button[data-copy], button[data-share]");
    if (!el) return;
    var status = el.closest(".actions, .subscribe");
    status = status && status.querySelector(".status");
    if (el.matches("button.chapter")) {
      var episode = el.closest("section.edition").querySelector("audio.episode");
      seek(episode, parseFloat(el.dataset.start));
    } else if (el.matches(".s")) {
      var story = el.closest(".story"), start = parseFloat(el.dataset.start);
      var section = story.closest("section.edition");
      var whole = section && section.querySelector("audio.episode");
      // Listening to the whole episode: stay in it. Otherwise the article's own player.
      if (whole && whole === current && !whole.paused) {
        seek(whole, parseFloat(story.dataset.offset) + start);
      } else {
        seek(story.querySelector("audio.article"), start);
      }
    } else if (el.matches("button[data-copy]")) {
      copy(el.dataset.copy, status);
    } else if (el.matches("button[data-share]")) {
      if (navigator.share) {
        navigator.share({ title: el.dataset.title, url: el.dataset.share }).catch(function () {});
      } else copy(el.dataset.share, status);
    }
  });
})();
