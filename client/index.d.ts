// Types of prisma-compile (src/index.js).
import type { Types } from '@prisma/client/runtime/client';

/** Counts of the extension: calls answered by prisma_query (`direct`: of them, sent straight to the adapter's pool), calls run through Prisma and why. */
export interface PrismaCompileStats {
  routed: number;
  direct: number;
  fallbacks: number;
  reasons: Record<string, number>;
}

export interface PrismaCompileOptions {
  /** 'prisma' (default): a call prisma_query cannot answer (SQLSTATE 0A000) runs through Prisma; 'error': it throws. */
  fallback?: 'prisma' | 'error';
  /** Compare the database's loaded schema with the client's on the first query (default true). */
  checkSchema?: boolean;
  /** Reads outside transactions go straight to the driver adapter's pool (default true); false: through Prisma's raw-query path (Prisma's query log and tracing see them). */
  direct?: boolean;
}

/** What prismaCompile() returns: an extension for `$extends` that keeps the client's types, and its counts. */
export type PrismaCompileExtension = ((client: any) => { $extends: { extArgs: Types.Extensions.DefaultArgs } }) & { stats: PrismaCompileStats };

/** The Prisma Client extension: `new PrismaClient({ adapter }).$extends(prismaCompile())`. */
export declare function prismaCompile(options?: PrismaCompileOptions): PrismaCompileExtension;
export default prismaCompile;

/** The schema's models and enums without comments, generator/datasource blocks and extra whitespace. */
export declare function normalizeSchema(text: string): string;
/** sha256 (hex) of normalizeSchema(text): what the client compares with the loaded schema. */
export declare function schemaHash(text: string): string;
export declare const PUSH_COMMAND: string;
/** The loaded schema is missing or differs from the client's; the message names `npx prisma-compile push`. */
export declare class SchemaMismatchError extends Error {}
