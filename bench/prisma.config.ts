// Prisma 7 CLI configuration for the benchmark: only `prisma generate` is run,
// which needs no database; the client connects through @prisma/adapter-pg.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "movies.prisma",
});
