import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  ArrayMinSize,
  IsDefined,
  IsIn,
  IsInt,
  IsObject,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
  ValidateBy,
} from 'class-validator';
import { ID_PATTERN, isCalendarDate, isClientId, LANGUAGE_CODES } from '@ccb/domain';

/** Field decorators: validation and OpenAPI (with an example) in one place, so they never disagree. */

export { ID_PATTERN };

export const ID_RULE = 'must be an id: letters, digits and ._:-, at most 128 characters, and not a name the runtime reserves (constructor, toString, ...)';

const IsClientId = () => ValidateBy({ name: 'isClientId', validator: { validate: isClientId, defaultMessage: () => `$property ${ID_RULE}` } });

export const Id = (example: string) => applyDecorators(ApiProperty({ example, pattern: ID_PATTERN.source }), IsString(), IsClientId());

export const OptionalId = (example: string) =>
  applyDecorators(ApiPropertyOptional({ example, nullable: true, pattern: ID_PATTERN.source }), IsOptional(), IsString(), IsClientId());

export const Text = (example: string, max = 4000) =>
  applyDecorators(ApiProperty({ example, maxLength: max }), IsString(), MinLength(1, { message: '$property must not be empty' }), MaxLength(max));

export const OptionalText = (example: string, max = 4000) => applyDecorators(ApiPropertyOptional({ example, maxLength: max }), IsOptional(), IsString(), MaxLength(max));

/** A real day of the Gregorian calendar: 2026-02-30 has the right shape and is still refused. */
const IsCalendarDay = () =>
  ValidateBy({
    name: 'isCalendarDay',
    validator: {
      validate: (value: unknown) => typeof value === 'string' && isCalendarDate(value),
      defaultMessage: () => '$property must be a real calendar date YYYY-MM-DD (no 30 February, no 31 April)',
    },
  });

export const CalendarDate = (example: string) => applyDecorators(ApiProperty({ example, format: 'date' }), IsString(), IsCalendarDay());

export const OptionalCalendarDate = (example: string) =>
  applyDecorators(ApiPropertyOptional({ example, format: 'date', nullable: true }), IsOptional(), IsString(), IsCalendarDay());

export const OneOf = <T extends string | number>(values: readonly T[], example: T) =>
  applyDecorators(ApiProperty({ enum: [...values], example }), IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }));

export const OptionalOneOf = <T extends string | number>(values: readonly T[], example: T, description?: string) =>
  applyDecorators(ApiPropertyOptional({ enum: [...values], example, description }), IsOptional(), IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }));

export const ListOf = <T extends string | number>(values: readonly T[], example: T[], max = 20, min = 0) =>
  applyDecorators(
    ApiProperty({ enum: [...values], isArray: true, example, ...(min > 0 ? { minItems: min } : {}) }),
    IsArray(),
    ArrayMaxSize(max),
    ...(min > 0 ? [ArrayMinSize(min, { message: `$property must name at least ${min}` })] : []),
    ArrayUnique(),
    IsIn([...values], { each: true, message: `each of $property must be one of: ${values.join(', ')}` }),
  );

export const TextList = (example: string[], pattern?: RegExp, max = 50) =>
  applyDecorators(
    ApiProperty({ example, isArray: true, type: String }),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    ...(pattern ? [Matches(pattern, { each: true, message: `each of $property must match ${pattern.source}` })] : []),
  );

/** Languages by ISO 639 code: two letters where ISO 639-1 has one, else the three of ISO 639-3 (Tetum: `tet`). */
export const LanguageList = (example: string[], max = 20) =>
  applyDecorators(
    ApiProperty({ example, isArray: true, type: String, description: 'ISO 639-1 or ISO 639-3 codes, lower case' }),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    ValidateBy({
      name: 'isLanguageCode',
      validator: {
        validate: (value: unknown) => Array.isArray(value) && value.every((v) => typeof v === 'string' && LANGUAGE_CODES.has(v)),
        defaultMessage: () => '$property must list ISO 639 language codes (e.g. "en", "pt", "tet")',
      },
    }),
  );

export const IdList = (example: string[], max = 50) =>
  applyDecorators(
    ApiProperty({ example, isArray: true, type: String }),
    IsArray(),
    ArrayMaxSize(max),
    IsString({ each: true }),
    ValidateBy({ name: 'isClientId', validator: { validate: isClientId, defaultMessage: () => `each of $property ${ID_RULE}` } }, { each: true }),
  );

export const Count = (example: number, max = 1_000_000) => applyDecorators(ApiProperty({ type: 'integer', example, minimum: 0, maximum: max }), IsInt(), Min(0), Max(max));

export const Decimal = (example: number) => applyDecorators(ApiProperty({ example }), IsNumber({ allowNaN: false, allowInfinity: false }));
export const OptionalDecimal = (example: number) => applyDecorators(ApiPropertyOptional({ example }), IsOptional(), IsNumber({ allowNaN: false, allowInfinity: false }));

export const Flag = (example: boolean) => applyDecorators(ApiProperty({ example }), IsBoolean());

export const OptionalFlag = (example: boolean, description: string) => applyDecorators(ApiPropertyOptional({ example, description }), IsOptional(), IsBoolean());

// ValidateNested alone lets a missing object through and validates an array in its place element by
// element: the fold then reads a property of undefined. An object is required to be one, never an array.
const NOT_AN_OBJECT = { message: '$property must be an object (not an array, not null)' };

// Swagger takes `type` for a lazy thunk only when the function is named "type", as an arrow written in an
// object literal's `type:` is; a thunk passed in as an argument has no name and became `$ref: ""`.
const lazy = <T>(type: () => new () => T) => ({ type: () => type() });

export const Nested = <T>(type: () => new () => T, example?: unknown) =>
  applyDecorators(ApiProperty({ ...lazy(type), example }), IsDefined({ message: '$property is required' }), IsObject(NOT_AN_OBJECT), ValidateNested(), Type(type));

export const OptionalNested = <T>(type: () => new () => T) =>
  applyDecorators(ApiPropertyOptional({ ...lazy(type), nullable: true }), IsOptional(), IsObject(NOT_AN_OBJECT), ValidateNested(), Type(type));

export const NestedList = <T>(type: () => new () => T, max = 100) =>
  applyDecorators(
    ApiProperty({ ...lazy(type), isArray: true }),
    IsArray(),
    ArrayMaxSize(max),
    IsObject({ each: true, message: 'each of $property must be an object' }),
    ValidateNested({ each: true }),
    Type(type),
  );
