// Shared with plugins only for backwards compatibility; the host never calls them, so no types needed.
declare module 'prismjs';
declare module 'slate';
declare module 'slate-plain-serializer';
