/**
 * A stand-in for google.script.run inside the sidebar iframe: each call goes to POST /api/run
 * as the user chosen in the playground, then tells the parent page to refresh the grid.
 */
type Handler = (value: unknown, userObject?: unknown) => void;
interface Handlers {
  success?: Handler;
  failure?: Handler;
  userObject?: unknown;
}

const user = new URLSearchParams(location.search).get('user') ?? '';

function runner(handlers: Handlers): unknown {
  return new Proxy(
    {},
    {
      get(_target, prop: string) {
        if (prop === 'withSuccessHandler') return (f: Handler) => runner({ ...handlers, success: f });
        if (prop === 'withFailureHandler') return (f: Handler) => runner({ ...handlers, failure: f });
        if (prop === 'withUserObject') return (o: unknown) => runner({ ...handlers, userObject: o });
        return (...args: unknown[]) => {
          fetch('/api/run', {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ user, fn: prop, args }),
          })
            .then((r) => r.json())
            .then((body: { ok: boolean; result?: unknown; error?: string }) => {
              window.parent.postMessage({ type: 'thidua:ran', fn: prop }, location.origin);
              if (body.ok) handlers.success?.(body.result, handlers.userObject);
              else handlers.failure?.(new Error(body.error ?? ''), handlers.userObject);
            })
            .catch((err: unknown) => handlers.failure?.(err instanceof Error ? err : new Error(String(err)), handlers.userObject));
        };
      },
    },
  );
}

(window as unknown as { google: unknown }).google = {
  script: {
    run: runner({}),
    host: {
      close: () => window.parent.postMessage({ type: 'thidua:close' }, location.origin),
      setHeight: () => undefined,
      setWidth: () => undefined,
      editor: { focus: () => undefined },
    },
  },
};
