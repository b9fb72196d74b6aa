import { MessageChannel as NodeMessageChannel } from 'worker_threads';

/**
 * Tests of work run by runSliced, inside a describe block: jsdom has no MessageChannel (the slices are posted through
 * one), so Node's, which posts the same kind of task, stands in for the block; a test that replaces performance.now
 * (a fake clock) gets the real one back after it.
 */
export function withNodeMessageChannel() {
  const saved = { channel: global.MessageChannel, now: performance.now };
  beforeAll(() => {
    global.MessageChannel = NodeMessageChannel as unknown as typeof MessageChannel;
  });
  afterAll(() => {
    global.MessageChannel = saved.channel;
  });
  afterEach(() => {
    performance.now = saved.now;
  });
}
