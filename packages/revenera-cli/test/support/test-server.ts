// The stateful Revenera test server belongs to @org/revenera-client's suite; reuse it rather than copy it.
export {
  type ReveneraTestServer,
  startReveneraTestServer,
  TEST_PASSWORD,
  TEST_USER,
} from "../../../revenera-client/test/support/revenera-test-server.js";
