// The parts of autocannon's API that scripts/bench.ts uses (the package ships no types).
declare module "autocannon" {
  namespace autocannon {
    type Options = Record<string, unknown>;
    type Result = { requests: { total: number }; errors: number; timeouts: number };
    type Instance = {
      on(event: "response", fn: (client: unknown, statusCode: number, resBytes: number, responseTime: number) => void): Instance;
      once(event: "done", fn: (result: Result) => void): Instance;
      once(event: "error", fn: (err: Error) => void): Instance;
    };
  }
  function autocannon(options: autocannon.Options): autocannon.Instance;
  export default autocannon;
}
