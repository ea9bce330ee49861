// What the lessons' pictures (*-picture.js) share: running a picture's script in the pictures'
// engine (app.js) with only the latest request drawn, the message when it cannot be drawn, the
// cell a picture reads, and the Play / Pause clock of the pictures that replay training steps.
import { app, getPictureEngine } from "../app.js";
import { t } from "../i18n.js";
import { el } from "../cell.js";

/** The source of the lesson cell `id` as the learner has it now, or null. */
export const cellSource = (id) => app.cells.find((c) => c.id === id)?.source ?? null;

/**
 * A runner for one picture: run(script, parse) runs `script` (null: nothing to run) and resolves
 * what `parse` makes of its output, null when it failed (an error, a time-out, an output `parse`
 * rejects), or undefined when a later run has superseded it. Marks host.dataset.drawn, which
 * the browser tests wait for.
 */
export function pictureRunner(host) {
  let seq = 0;
  return async (script, parse) => {
    const my = ++seq;
    let value = null;
    if (script != null) {
      try {
        const r = await getPictureEngine().script(script);
        value = r.error ? null : parse(r.output);
      } catch {
        value = null;
      }
    }
    if (my !== seq) return undefined;
    host.dataset.drawn = value ? "1" : "0";
    return value;
  };
}

/** Says in `box` that the picture could not be drawn, and empties the `others`. */
export function showFailed(box, ...others) {
  box.replaceChildren(el("p", { class: "muted", text: t("pictureFailed") }));
  for (const o of others) o.replaceChildren();
}

/** Play / Pause: calls tick() every `ms` until it returns false or pause() is called. */
export class Player {
  constructor(button, ms, tick) {
    this.button = button;
    this.ms = ms;
    this.tick = tick;
    this.timer = null;
  }
  get playing() {
    return this.timer != null;
  }
  play() {
    this.pause();
    this.timer = setInterval(() => this.tick() === false && this.pause(), this.ms);
    this.relabel();
  }
  pause() {
    clearInterval(this.timer);
    this.timer = null;
    this.relabel();
  }
  relabel() {
    this.button.textContent = this.playing ? t("pause") : t("play");
  }
}
