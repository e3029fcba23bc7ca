export default async function globalTeardown() {
  const server = globalThis.__OMNICHANNEL_TEST_PG__
  if (server) {
    await server.stop()
  }
}
