import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    globalSetup: ["./test/prism.global-setup.ts"],
    typecheck: { enabled: true, include: ["test/**/*.test-d.ts"] },
  },
});
