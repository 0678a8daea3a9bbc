/**
 * Catches what a 3D view throws — a model that will not download or parse, the three.js chunk
 * that will not load — so the product photo takes its place instead of a blank screen.
 */
import { Component, type ReactNode } from 'react';

export interface ModelErrorBoundaryProps {
  children: ReactNode;
  fallback: ReactNode;
  onError?: (error: unknown) => void;
}

export class ModelErrorBoundary extends Component<ModelErrorBoundaryProps, { failed: boolean }> {
  override state = { failed: false };

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    this.props.onError?.(error);
  }

  override render(): ReactNode {
    return this.state.failed ? this.props.fallback : this.props.children;
  }
}
