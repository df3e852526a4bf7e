import { Injectable } from '@nestjs/common';

/**
 * Tells the delivery pump of this process that deliveries were just planned, so it looks at once
 * instead of at its next poll. In a process without a pump (the API) nobody listens.
 */
@Injectable()
export class DeliverySignal {
  private readonly listeners = new Set<() => void>();

  wake(): void {
    for (const listener of this.listeners) listener();
  }

  /** Returns the function that stops listening. */
  listen(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
