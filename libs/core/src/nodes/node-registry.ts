import { Injectable } from '@nestjs/common';
import { Viewer } from '../auth/viewer';

/** Loads one node by UUID as `viewer` may see it (null when missing or not visible). */
export type NodeLoader = (id: string, viewer: Viewer | null, ctx: object) => Promise<object | null>;

/** Where each lib says how to load its node types, for `node(id)` and polymorphic fields. */
@Injectable()
export class NodeRegistry {
  private readonly loaders = new Map<string, NodeLoader>();

  /** Registers the loader of one GraphQL type; libs call this from onModuleInit. */
  register(typeName: string, loader: NodeLoader): void {
    this.loaders.set(typeName, loader);
  }

  /** Loads a node of `typeName`, or null when the type is unknown or the node not visible. */
  async load(
    typeName: string,
    id: string,
    viewer: Viewer | null,
    ctx: object,
  ): Promise<object | null> {
    const loader = this.loaders.get(typeName);
    return loader ? loader(id, viewer, ctx) : null;
  }
}
