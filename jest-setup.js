// Jest setup provided by Grafana scaffolding
import './.config/jest-setup';

// jsdom has no ResizeObserver; Grafana's tooltip container observes its size (nothing resizes in jsdom).
global.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

// jsdom has no PointerEvent: fireEvent.pointerMove would carry no clientX / clientY.
global.PointerEvent ??= class PointerEvent extends MouseEvent {};
