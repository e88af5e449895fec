import { applyDecorators } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateNested,
} from 'class-validator';

/** Field decorators: validation and OpenAPI (with an example) in one place, so they never disagree. */

export const ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export const Id = (example: string) =>
  applyDecorators(ApiProperty({ example, pattern: ID_PATTERN.source }), IsString(), Matches(ID_PATTERN, { message: '$property must be an id: letters, digits and ._:-, at most 128 characters' }));

export const OptionalId = (example: string) =>
  applyDecorators(ApiPropertyOptional({ example, nullable: true }), IsOptional(), IsString(), Matches(ID_PATTERN, { message: '$property must be an id' }));

export const Text = (example: string, max = 4000) =>
  applyDecorators(ApiProperty({ example, maxLength: max }), IsString(), MinLength(1, { message: '$property must not be empty' }), MaxLength(max));

export const OptionalText = (example: string, max = 4000) =>
  applyDecorators(ApiPropertyOptional({ example, maxLength: max }), IsOptional(), IsString(), MaxLength(max));

export const CalendarDate = (example: string) =>
  applyDecorators(
    ApiProperty({ example, format: 'date' }),
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

export const OptionalCalendarDate = (example: string) =>
  applyDecorators(
    ApiPropertyOptional({ example, format: 'date', nullable: true }),
    IsOptional(),
    IsString(),
    Matches(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '$property must be a date YYYY-MM-DD' }),
  );

export const OneOf = <T extends string | number>(values: readonly T[], example: T) =>
  applyDecorators(ApiProperty({ enum: [...values], example }), IsIn([...values], { message: `$property must be one of: ${values.join(', ')}` }));

export const ListOf = <T extends string | number>(values: readonly T[], example: T[], max = 20) =>
  applyDecorators(
    ApiProperty({ enum: [...values], isArray: true, example }),
    IsArray(),
    ArrayMaxSize(max),
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

export const Count = (example: number, max = 1_000_000) =>
  applyDecorators(ApiProperty({ example, minimum: 0, maximum: max }), IsInt(), Min(0), Max(max));

export const Decimal = (example: number) => applyDecorators(ApiProperty({ example }), IsNumber({ allowNaN: false, allowInfinity: false }));

export const Flag = (example: boolean) => applyDecorators(ApiProperty({ example }), IsBoolean());

export const Nested = <T>(type: () => new () => T, example?: unknown) =>
  applyDecorators(ApiProperty({ type, example }), ValidateNested(), Type(type));

export const OptionalNested = <T>(type: () => new () => T) =>
  applyDecorators(ApiPropertyOptional({ type, nullable: true }), IsOptional(), ValidateNested(), Type(type));

export const NestedList = <T>(type: () => new () => T, max = 100) =>
  applyDecorators(ApiProperty({ type, isArray: true }), IsArray(), ArrayMaxSize(max), ValidateNested({ each: true }), Type(type));
