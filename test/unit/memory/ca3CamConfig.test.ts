/**
 * The shipped CA3-CAM configuration: identical to the authors' network_config.json
 * (copied into test/fixtures/ca3-cam/), and its validation.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ParameterError } from '../../../src/core/errors.js';
import { CA3_CAM_CONFIG, CA3_CAM_OUTPUT_LAYER, validateCa3CamConfig } from '../../../src/memory/ca3CamConfig.js';

const authors = JSON.parse(readFileSync(new URL('../../fixtures/ca3-cam/network-config.json', import.meta.url), 'utf8'));

describe('ca3CamConfig', () => {
  it('CA3_CAM_CONFIG equals the authors\' network_config.json value for value', () => {
    expect(CA3_CAM_CONFIG).toEqual(authors);
    expect(Object.isFrozen(CA3_CAM_CONFIG.synParameters)).toBe(true);
    expect(CA3_CAM_OUTPUT_LAYER.v_thresh).toBe(-57.5);
  });

  it('validateCa3CamConfig(authors) accepts it; bad shapes throw ParameterErrors naming the entry', () => {
    expect(validateCa3CamConfig(authors)).toBe(authors);
    expect(() => validateCa3CamConfig(null)).toThrow(ParameterError);
    expect(() => validateCa3CamConfig({ ...authors, synParameters: undefined })).toThrow(/synParameters/);
    const noPop = structuredClone(authors);
    delete noPop.neuronParameters.CA3mergeCueL;
    expect(() => validateCa3CamConfig(noPop)).toThrow(/CA3mergeCueL/);
    const badTau = structuredClone(authors);
    badTau.neuronParameters.CA3contCondL.tau_m = 'fast';
    expect(() => validateCa3CamConfig(badTau)).toThrow(/CA3contCondL\.tau_m/);
    const badReceptor = structuredClone(authors);
    badReceptor.synParameters['CA3contCondIntL-CA3contCondL'].receptor_type = 'shunting';
    expect(() => validateCa3CamConfig(badReceptor)).toThrow(/receptor_type/);
    const badStdp = structuredClone(authors);
    badStdp.synParameters['CA3cueCueRecallL-CA3contCueRecallL'].receptor_type = 'excitatory';
    expect(() => validateCa3CamConfig(badStdp)).toThrow(/'STDP'/);
  });
});
