import { Injectable } from '@nestjs/common';
import { Viewer } from '../auth/viewer';
import { DecodedId } from '../ids/global-id';
import { RequestLoaders } from '../loaders/request-loaders';
import { recordNodeType } from './node-types';

/**
 * Loads one node by UUID as `viewer` may see it (null when missing or not visible). Loaders batch
 * through the request's loaders, so that the loads of one tick, as many as `nodes(ids)` asks
 * for, cost one query per type.
 */
export type NodeLoader = (
  id: string,
  viewer: Viewer | null,
  loaders: RequestLoaders,
) => Promise<object | null>;

/** Where each lib says how to load its node types, for `node(id)` and polymorphic fields. */
@Injectable()
export class NodeRegistry {
  private readonly loaders = new Map<string, NodeLoader>();

  /**
   * Declares which GraphQL type a class of domain objects is exposed as. Libs call it from their
   * module's constructor, so every type is known before the schema is built.
   */
  registerType(cls: { prototype: object }, typeName: string): void {
    recordNodeType(cls, typeName);
  }

  /** Registers the loader of one GraphQL type; libs call this from onModuleInit. */
  register(typeName: string, loader: NodeLoader): void {
    this.loaders.set(typeName, loader);
  }

  /** Loads a node of `typeName`, or null when the type is unknown or the node not visible. */
  async load(
    typeName: string,
    id: string,
    viewer: Viewer | null,
    loaders: RequestLoaders,
  ): Promise<object | null> {
    const loader = this.loaders.get(typeName);
    return loader ? loader(id, viewer, loaders) : null;
  }

  /** Loads nodes of any types at once, each in its position (null where `load` gives null). */
  loadMany(
    ids: readonly DecodedId[],
    viewer: Viewer | null,
    loaders: RequestLoaders,
  ): Promise<(object | null)[]> {
    return Promise.all(ids.map(({ type, id }) => this.load(type, id, viewer, loaders)));
  }
}
