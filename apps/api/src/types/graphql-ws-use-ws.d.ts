// The package maps this entry point in its `exports`, which the compiler's node10 resolution
// does not read; its declarations are the ones the package ships.
declare module 'graphql-ws/use/ws' {
  export * from 'graphql-ws/dist/use/ws';
}
