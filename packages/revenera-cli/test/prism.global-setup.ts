import { prismGlobalSetup } from "@org/test-utils";

export default prismGlobalSetup("revenera");
