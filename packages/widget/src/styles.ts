import { css } from 'lit';

/** The element's styles: every colour, radius, spacing and font comes from a custom property. */
export const styles = css`
  :host {
    --_fg: var(--tollgate-upload-color, #1f2328);
    --_bg: var(--tollgate-upload-background, #fff);
    --_muted: var(--tollgate-upload-muted-color, #59636e);
    --_border: var(--tollgate-upload-border-color, #818b98);
    --_accent: var(--tollgate-upload-accent-color, #0b57d0);
    --_error: var(--tollgate-upload-error-color, #c21f1f);
    --_warning: var(--tollgate-upload-warning-color, #8a5300);
    --_success: var(--tollgate-upload-success-color, #1a7f37);
    --_zone: var(--tollgate-upload-dropzone-background, #f6f8fa);
    --_zone-active: var(--tollgate-upload-dropzone-active-background, #ddf4ff);
    --_track: var(--tollgate-upload-progress-track, #d1d9e0);
    --_radius: var(--tollgate-upload-radius, 8px);
    --_space: var(--tollgate-upload-spacing, 12px);
    display: block;
    color: var(--_fg);
    font-family: var(--tollgate-upload-font-family, system-ui, sans-serif);
    font-size: var(--tollgate-upload-font-size, 1rem);
    line-height: 1.4;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --_fg: var(--tollgate-upload-color, #e6edf3);
      --_bg: var(--tollgate-upload-background, #0d1117);
      --_muted: var(--tollgate-upload-muted-color, #9aa4af);
      --_border: var(--tollgate-upload-border-color, #6e7681);
      --_accent: var(--tollgate-upload-accent-color, #6cb6ff);
      --_error: var(--tollgate-upload-error-color, #ff8f87);
      --_warning: var(--tollgate-upload-warning-color, #e3b341);
      --_success: var(--tollgate-upload-success-color, #56d364);
      --_zone: var(--tollgate-upload-dropzone-background, #161b22);
      --_zone-active: var(--tollgate-upload-dropzone-active-background, #0c2d6b);
      --_track: var(--tollgate-upload-progress-track, #30363d);
    }
  }
  :host([hidden]) {
    display: none;
  }
  [part~='base'] {
    display: grid;
    gap: var(--_space);
    padding: var(--_space);
    background: var(--_bg);
    border-radius: var(--_radius);
  }
  [part~='dropzone'] {
    display: grid;
    gap: calc(var(--_space) / 2);
    padding: calc(var(--_space) * 2);
    text-align: center;
    background: var(--_zone);
    border: 2px dashed var(--_border);
    border-radius: var(--_radius);
    cursor: pointer;
    transition: background-color 0.15s, border-color 0.15s;
  }
  [part~='dropzone-active'] {
    background: var(--_zone-active);
    border: 2px solid var(--_accent);
  }
  [aria-disabled='true'] {
    cursor: not-allowed;
    opacity: 0.6;
  }
  [part~='prompt'] {
    font-weight: 600;
  }
  [part~='hint'] {
    margin-block-start: calc(var(--_space) / -2);
    text-align: center;
  }
  [part~='hint'],
  [part~='file-size'],
  [part~='billing'] {
    color: var(--_muted);
    font-size: 0.875em;
  }
  ul {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: calc(var(--_space) / 2);
  }
  [part~='rejection'],
  [part~='file-message'],
  [part~='finding-error'] {
    color: var(--_error);
  }
  [part~='finding-warning'] {
    color: var(--_warning);
  }
  [part~='file'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 4px var(--_space);
    align-items: center;
    padding: calc(var(--_space) / 2) 0;
    border-block-end: 1px solid var(--_track);
  }
  [part~='file'] > :not([part~='actions']):not([part~='file-head']) {
    grid-column: 1 / -1;
  }
  [part~='file-head'] {
    display: flex;
    flex-wrap: wrap;
    gap: 0 var(--_space);
    align-items: baseline;
    min-inline-size: 0;
  }
  [part~='file-name'] {
    font-weight: 600;
    overflow-wrap: anywhere;
  }
  [part~='file-success'] [part~='file-status'] {
    color: var(--_success);
  }
  [part~='file-error'] [part~='file-status'],
  [part~='file-invalid'] [part~='file-status'] {
    color: var(--_error);
  }
  [part~='actions'] {
    display: flex;
    gap: 4px;
  }
  [part~='overall'] {
    display: grid;
    grid-template-columns: 1fr auto;
    gap: 4px var(--_space);
    align-items: center;
  }
  [part~='progress'],
  [part~='overall-progress'] {
    grid-column: 1 / -1;
    block-size: 6px;
    background: var(--_track);
    border-radius: 3px;
    overflow: hidden;
  }
  [part~='progress-bar'] {
    block-size: 100%;
    background: var(--_accent);
    transition: inline-size 0.2s;
  }
  [part~='finding-code'] {
    font-family: ui-monospace, monospace;
    font-size: 0.875em;
  }
  button {
    font: inherit;
    font-size: 0.875em;
    color: var(--_accent);
    background: var(--_bg);
    border: 1px solid currentColor;
    border-radius: calc(var(--_radius) / 2);
    padding: 2px 10px;
    min-block-size: 28px;
    cursor: pointer;
  }
  button:disabled {
    cursor: not-allowed;
    opacity: 0.6;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .sr {
    position: absolute;
    inline-size: 1px;
    block-size: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
    }
  }
`;
